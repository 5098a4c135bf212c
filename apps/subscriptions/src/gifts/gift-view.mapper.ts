import { GiftView } from '@libs/contracts';
import { giftStatusOf } from './gift-status';
import { Gift } from './gift.entity';

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
    paymentId: gift.paymentId,
    codeLast4: gift.codeLast4,
    status: giftStatusOf(gift, now),
    redeemBy: gift.redeemBy.toISOString(),
    redeemedAt: gift.redeemedAt?.toISOString() ?? null,
    redeemedBy: gift.redeemedAt ? { readerId: gift.redeemerReaderId, email: gift.redeemerEmail } : null,
    redeemedUntil: gift.redeemedUntil?.toISOString() ?? null,
    refundedAt: gift.refundedAt?.toISOString() ?? null,
    createdAt: gift.createdAt.toISOString(),
  };
}
