import { GiftStatus, GiftView } from '@libs/contracts';
import { Gift } from './gift.entity';

/** Expired once past `redeemBy`, or once the sweep recorded it (which may run with a later instant). */
export function giftStatusOf(gift: Gift, now: Date): GiftStatus {
  if (gift.redeemedAt) return 'redeemed';
  return gift.expiryRecordedAt || gift.redeemBy.getTime() <= now.getTime() ? 'expired' : 'unredeemed';
}

export function toGiftView(gift: Gift, now: Date): GiftView {
  return {
    id: gift.id,
    planId: gift.planId,
    productId: gift.productId,
    months: gift.months,
    purchaserEmail: gift.purchaserEmail,
    recipientEmail: gift.recipientEmail,
    message: gift.message,
    paymentReference: gift.paymentReference,
    providerCheckoutId: gift.providerCheckoutId,
    codeLast4: gift.codeLast4,
    status: giftStatusOf(gift, now),
    redeemBy: gift.redeemBy.toISOString(),
    redeemedAt: gift.redeemedAt?.toISOString() ?? null,
    redeemedBy: gift.redeemedAt ? { readerId: gift.redeemerReaderId, email: gift.redeemerEmail } : null,
    redeemedUntil: gift.redeemedUntil?.toISOString() ?? null,
    createdAt: gift.createdAt.toISOString(),
  };
}
