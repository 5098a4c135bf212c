/** What the suite recorded of a gift bought on a rail, as its payment's refund finds it. */
export interface GiftAtRefund {
  refundedAt: Date | null;
  redeemedAt: Date | null;
  redeemedUntil: Date | null;
}

/** A refund of the payment a gift was bought with. */
export interface GiftPaymentRefund {
  /** All of the payment has been given back (this refund included). */
  full: boolean;
  refundedAt: Date;
}

/**
 * `revoke`: the gift can no longer be redeemed (nor expire: there is nothing left to break);
 * `end-access`: the reader who redeemed it keeps its product only until `until` (the refund);
 * `none`: the gift stays as it is, for the reason given.
 */
export type GiftRefundEffect =
  { kind: 'revoke' } | { kind: 'end-access'; until: Date } | { kind: 'none'; reason: string };

/**
 * Decides what the refund of a gift's payment does to the gift. Only a full refund changes it: the
 * purchaser has all of the money back, so nobody keeps what it bought. Unredeemed (or expired), it
 * is revoked; redeemed, the reader's access ends at the refund (the refund gives back the unused
 * months too, so nothing is owed for them). A partial refund is a goodwill gesture or a price
 * correction: the gift, and any access it gave, stays.
 */
export function giftRefundEffect(gift: GiftAtRefund | null, refund: GiftPaymentRefund): GiftRefundEffect {
  if (!gift) return { kind: 'none', reason: 'no gift was made with the payment' };
  if (gift.refundedAt) return { kind: 'none', reason: 'the gift is already refunded' };
  if (!refund.full) return { kind: 'none', reason: 'a partial refund leaves the gift as it is' };
  if (!gift.redeemedAt) return { kind: 'revoke' };
  const until =
    gift.redeemedUntil && gift.redeemedUntil.getTime() < refund.refundedAt.getTime()
      ? gift.redeemedUntil
      : refund.refundedAt;
  return { kind: 'end-access', until };
}
