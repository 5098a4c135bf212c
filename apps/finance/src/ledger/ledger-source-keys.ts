/**
 * What kind of fact an entry books: the part of its source key before the first colon. Reports
 * tell billings, collections and recognition apart by it.
 */
export const SourceKeyKind = {
  invoiceFinalized: 'invoice-finalized',
  invoicePaid: 'invoice-paid',
  invoiceVoided: 'invoice-voided',
  invoiceReinstated: 'invoice-reinstated',
  giftPurchased: 'gift-purchased',
  giftBreakage: 'gift-breakage',
  chargeRefunded: 'refund',
  disputeOpened: 'dispute-opened',
  disputeWon: 'dispute-won',
  bookingInvoiced: 'booking-invoiced',
  bookingPaid: 'booking-paid',
  deliveryRecognized: 'delivery',
  makeGoodCredited: 'make-good',
  agreementActivated: 'agreement-activated',
  usageCharged: 'usage-charged',
  statementIssued: 'statement-issued',
  recognition: 'recognition',
  reversal: 'reversal-of',
  stripePayout: 'stripe-payout',
  reconciliationAdjustment: 'reconciliation-adjustment',
  reconciliationWriteOff: 'reconciliation-write-off',
} as const;

/**
 * The source key of every journal entry finance posts, one place for all of them: posting the
 * same key twice is one entry, so each fact's key must be built the same way wherever it is
 * named. The consumers that post entries, reconciliation (which records which Stripe movement
 * each entry books) and the reports use these functions, so they agree by construction.
 */
export const LedgerSourceKey = {
  /** An invoice billed: from its InvoiceFinalized, or from its InvoicePaid when the finalize never reached the books. */
  invoiceFinalized: (providerInvoiceId: string) => `${SourceKeyKind.invoiceFinalized}:${providerInvoiceId}`,
  invoicePaid: (providerInvoiceId: string) => `${SourceKeyKind.invoicePaid}:${providerInvoiceId}`,
  /** An invoice voided or written off as uncollectible: its billing reversed. */
  invoiceVoided: (providerInvoiceId: string) => `${SourceKeyKind.invoiceVoided}:${providerInvoiceId}`,
  /** A written-off invoice paid after all: its write-off reversed. */
  invoiceReinstated: (providerInvoiceId: string) => `${SourceKeyKind.invoiceReinstated}:${providerInvoiceId}`,
  giftPurchased: (giftId: string) => `${SourceKeyKind.giftPurchased}:${giftId}`,
  /** A gift expired unredeemed: what was still deferred becomes revenue. */
  giftBreakage: (giftId: string) => `${SourceKeyKind.giftBreakage}:${giftId}`,
  chargeRefunded: (providerRefundId: string) => `${SourceKeyKind.chargeRefunded}:${providerRefundId}`,
  disputeOpened: (providerDisputeId: string) => `${SourceKeyKind.disputeOpened}:${providerDisputeId}`,
  disputeWon: (providerDisputeId: string) => `${SourceKeyKind.disputeWon}:${providerDisputeId}`,
  bookingInvoiced: (bookingId: string) => `${SourceKeyKind.bookingInvoiced}:${bookingId}`,
  bookingPaid: (paymentId: string) => `${SourceKeyKind.bookingPaid}:${paymentId}`,
  /** A booking's delivery on one day (`YYYY-MM-DD`) recognized as revenue. */
  deliveryRecognized: (bookingId: string, day: string) => `${SourceKeyKind.deliveryRecognized}:${bookingId}:${day}`,
  makeGoodCredited: (makeGoodId: string) => `${SourceKeyKind.makeGoodCredited}:${makeGoodId}`,
  agreementActivated: (agreementId: string) => `${SourceKeyKind.agreementActivated}:${agreementId}`,
  usageCharged: (usageId: string) => `${SourceKeyKind.usageCharged}:${usageId}`,
  statementIssued: (statementId: string) => `${SourceKeyKind.statementIssued}:${statementId}`,
  /** One recognition run's revenue of a stream in one currency and calendar month (`YYYY-MM`). */
  recognition: (runId: string, stream: string, currency: string, month: string) =>
    `${SourceKeyKind.recognition}:${runId}:${stream}:${currency}:${month}`,
  /** The negation of an entry (an entry is reversed at most once). */
  reversalOf: (entryId: string) => `${SourceKeyKind.reversal}:${entryId}`,
  /** Posted by reconciliation itself when a payout is imported: Dr Bank, Cr Stripe balance. */
  stripePayout: (payoutId: string) => `${SourceKeyKind.stripePayout}:${payoutId}`,
  /** A reconciliation exception resolved by posting the difference (one posting per exception). */
  reconciliationAdjustment: (exceptionId: string) => `${SourceKeyKind.reconciliationAdjustment}:${exceptionId}`,
  reconciliationWriteOff: (exceptionId: string) => `${SourceKeyKind.reconciliationWriteOff}:${exceptionId}`,
} as const;
