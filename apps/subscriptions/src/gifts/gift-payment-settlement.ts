/** What the suite recorded of a gift purchase a payment names. */
export interface PurchaseAwaitingPayment {
  currency: string;
  /** Null for a purchase through the provider's checkout (no payment on a rail asked for it). */
  amountDue: bigint | null;
  /** The payment asked for it (null until payments answered). */
  paymentId: string | null;
  giftId: string | null;
  /** Its payment was refunded in full before it made the gift. */
  refunded: boolean;
}

/** A payment that succeeded on a rail for a gift purchase (its purpose's reference). */
export interface ArrivedGiftPayment {
  paymentId: string;
  currency: string;
  amount: bigint;
}

/**
 * `issue`: the purchase becomes paid and its gift is made; `already-issued`: this payment made the
 * gift before (nothing to do); `ignore`: nothing is changed, for the reason given: the payment is
 * left unapplied (the payer's money, for staff to refund).
 */
export type GiftPaymentSettlement = { kind: 'issue' } | { kind: 'already-issued' } | { kind: 'ignore'; reason: string };

/**
 * Decides what a succeeded payment does to the gift purchase it names. Only a purchase made for a
 * rail is paid, by the payment asked for it (or any, when payments' answer was never recorded),
 * and only by exactly its amount in its currency, unless that payment was refunded in full first. A
 * payment seen again changes nothing.
 */
export function settleGiftPurchaseByPayment(
  purchase: PurchaseAwaitingPayment | null,
  payment: ArrivedGiftPayment,
): GiftPaymentSettlement {
  if (!purchase) return { kind: 'ignore', reason: 'no gift purchase of the agency has that id' };
  if (purchase.amountDue === null)
    return { kind: 'ignore', reason: "the gift purchase is paid through the provider's checkout" };
  if (purchase.paymentId !== null && purchase.paymentId !== payment.paymentId)
    return { kind: 'ignore', reason: `the gift purchase asked for payment ${purchase.paymentId}` };
  if (purchase.giftId) return { kind: 'already-issued' };
  if (purchase.refunded) return { kind: 'ignore', reason: 'the payment was refunded in full before it made the gift' };
  if (purchase.currency !== payment.currency || purchase.amountDue !== payment.amount)
    return {
      kind: 'ignore',
      reason: `the payment is of ${payment.amount} ${payment.currency}, the gift of ${purchase.amountDue} ${purchase.currency}`,
    };
  return { kind: 'issue' };
}
