import { GiftStatus } from '@libs/contracts';
import { Gift } from './gift.entity';

/** Expired once past `redeemBy`, or once the sweep recorded it (which may run with a later instant). */
export function giftStatusOf(gift: Gift, now: Date): GiftStatus {
  if (gift.redeemedAt) return 'redeemed';
  return gift.expiryRecordedAt || gift.redeemBy.getTime() <= now.getTime() ? 'expired' : 'unredeemed';
}
