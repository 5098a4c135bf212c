import { GiftStatus } from '@libs/contracts';
import { Gift } from './gift.entity';

/** Why a gift whose payment was refunded in full is refused (redeeming it, reissuing or showing its code). */
export const GIFT_REFUNDED = 'this gift was refunded to its purchaser';

/**
 * Refunded once its payment was refunded in full (redeemed before or not); expired once past
 * `redeemBy`, or once the sweep recorded it (which may run with a later instant).
 */
export function giftStatusOf(gift: Gift, now: Date): GiftStatus {
  if (gift.refundedAt) return 'refunded';
  if (gift.redeemedAt) return 'redeemed';
  return gift.expiryRecordedAt || gift.redeemBy.getTime() <= now.getTime() ? 'expired' : 'unredeemed';
}
