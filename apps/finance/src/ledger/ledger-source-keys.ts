/**
 * The source keys of the journal entries that book Stripe money, one place for all of them: the
 * consumers that post these entries and reconciliation (which records which Stripe movement each
 * entry books) use these, so they agree by construction.
 */
export const LedgerSourceKey = {
  invoicePaid: (providerInvoiceId: string) => `invoice-paid:${providerInvoiceId}`,
  giftPurchased: (giftId: string) => `gift-purchased:${giftId}`,
  chargeRefunded: (providerRefundId: string) => `refund:${providerRefundId}`,
  disputeOpened: (providerDisputeId: string) => `dispute-opened:${providerDisputeId}`,
  disputeWon: (providerDisputeId: string) => `dispute-won:${providerDisputeId}`,
  /** Posted by reconciliation itself when a payout is imported: Dr Bank, Cr Stripe balance. */
  stripePayout: (payoutId: string) => `stripe-payout:${payoutId}`,
} as const;
