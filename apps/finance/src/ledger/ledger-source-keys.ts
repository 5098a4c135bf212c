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
  bookingCanceled: 'booking-canceled',
  deliveryRecognized: 'delivery',
  makeGoodCredited: 'make-good',
  agreementActivated: 'agreement-activated',
  usageCharged: 'usage-charged',
  statementIssued: 'statement-issued',
  paymentSucceeded: 'payment-succeeded',
  paymentRefunded: 'payment-refunded',
  paymentUnapplied: 'payment-unapplied',
  recognition: 'recognition',
  reversal: 'reversal-of',
  stripePayout: 'stripe-payout',
  railSettlement: 'rail-settlement',
  reconciliationAdjustment: 'reconciliation-adjustment',
  reconciliationWriteOff: 'reconciliation-write-off',
} as const;

/**
 * A journal entry's source key. Only {@link LedgerSourceKey} makes one, so the compiler refuses a
 * key built anywhere else (the ledger takes nothing but this type).
 */
export type SourceKey = string & { readonly __madeBy: 'LedgerSourceKey' };

const key = (...parts: string[]) => parts.join(':') as SourceKey;

/**
 * The source key of every journal entry finance posts, one place for all of them: posting the
 * same key twice is one entry, so each fact's key must be built the same way wherever it is
 * named. The consumers that post entries, reconciliation (which records which Stripe movement
 * each entry books) and the reports use these functions, so they agree by construction.
 */
export const LedgerSourceKey = {
  /** An invoice billed: from its InvoiceFinalized, or from its InvoicePaid when the finalize never reached the books. */
  invoiceFinalized: (providerInvoiceId: string) => key(SourceKeyKind.invoiceFinalized, providerInvoiceId),
  invoicePaid: (providerInvoiceId: string) => key(SourceKeyKind.invoicePaid, providerInvoiceId),
  /** An invoice voided or written off as uncollectible: its billing reversed. */
  invoiceVoided: (providerInvoiceId: string) => key(SourceKeyKind.invoiceVoided, providerInvoiceId),
  /** A written-off invoice paid after all: its write-off reversed. */
  invoiceReinstated: (providerInvoiceId: string) => key(SourceKeyKind.invoiceReinstated, providerInvoiceId),
  giftPurchased: (giftId: string) => key(SourceKeyKind.giftPurchased, giftId),
  /** A gift expired unredeemed: what was still deferred becomes revenue. */
  giftBreakage: (giftId: string) => key(SourceKeyKind.giftBreakage, giftId),
  chargeRefunded: (providerRefundId: string) => key(SourceKeyKind.chargeRefunded, providerRefundId),
  disputeOpened: (providerDisputeId: string) => key(SourceKeyKind.disputeOpened, providerDisputeId),
  disputeWon: (providerDisputeId: string) => key(SourceKeyKind.disputeWon, providerDisputeId),
  bookingInvoiced: (bookingId: string) => key(SourceKeyKind.bookingInvoiced, bookingId),
  /** A booking's share of one payment (advertising's id of that share). */
  bookingPaid: (paymentId: string) => key(SourceKeyKind.bookingPaid, paymentId),
  /** A booking canceled: its credit note and the penalty earned (a booking is canceled once). */
  bookingCanceled: (bookingId: string) => key(SourceKeyKind.bookingCanceled, bookingId),
  /** A booking's delivery on one day (`YYYY-MM-DD`) recognized as revenue. */
  deliveryRecognized: (bookingId: string, day: string) => key(SourceKeyKind.deliveryRecognized, bookingId, day),
  makeGoodCredited: (makeGoodId: string) => key(SourceKeyKind.makeGoodCredited, makeGoodId),
  agreementActivated: (agreementId: string) => key(SourceKeyKind.agreementActivated, agreementId),
  usageCharged: (usageId: string) => key(SourceKeyKind.usageCharged, usageId),
  statementIssued: (statementId: string) => key(SourceKeyKind.statementIssued, statementId),
  /** Money taken on a payment rail (MoMo, VNPay, payOS), by the payments service's payment id. */
  paymentSucceeded: (paymentId: string) => key(SourceKeyKind.paymentSucceeded, paymentId),
  /** Money given back on the rail, by the payments service's refund id (a payment may have several). */
  paymentRefunded: (refundId: string) => key(SourceKeyKind.paymentRefunded, refundId),
  /** A rail payment its stream will never apply, moved from receivable to unapplied receipts (once per payment). */
  paymentUnapplied: (paymentId: string) => key(SourceKeyKind.paymentUnapplied, paymentId),
  /** One recognition run's revenue of a stream in one currency and calendar month (`YYYY-MM`). */
  recognition: (runId: string, stream: string, currency: string, month: string) =>
    key(SourceKeyKind.recognition, runId, stream, currency, month),
  /** The negation of an entry (an entry is reversed at most once). */
  reversalOf: (entryId: string) => key(SourceKeyKind.reversal, entryId),
  /** Posted by reconciliation itself when a payout is imported: Dr Bank, Cr Stripe balance. */
  stripePayout: (payoutId: string) => key(SourceKeyKind.stripePayout, payoutId),
  /**
   * Posted by reconciliation when a rail's report says a line settled: Dr Bank net, Dr fees, Cr the
   * rail's clearing gross. One per line of the rail (a payment or a refund, by the rail's transaction id).
   */
  railSettlement: (rail: string, movement: string, railTransactionId: string) =>
    key(SourceKeyKind.railSettlement, rail, movement, railTransactionId),
  /** A reconciliation exception resolved by posting the difference (one posting per exception). */
  reconciliationAdjustment: (exceptionId: string) => key(SourceKeyKind.reconciliationAdjustment, exceptionId),
  reconciliationWriteOff: (exceptionId: string) => key(SourceKeyKind.reconciliationWriteOff, exceptionId),
} as const;
