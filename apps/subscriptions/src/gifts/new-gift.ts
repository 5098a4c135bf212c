import { randomUUID } from 'node:crypto';
import { addCalendarMonths } from './calendar-months';
import { newGiftCode } from './gift-code';
import { Gift } from './gift.entity';

/** A gift not redeemed within this many months of its purchase can no longer be. */
export const REDEEMABLE_MONTHS = 12;

export type GiftTerms = Pick<
  Gift,
  | 'tenantId'
  | 'planId'
  | 'productId'
  | 'months'
  | 'purchaserEmail'
  | 'recipientEmail'
  | 'message'
  | 'paymentReference'
  | 'providerCheckoutId'
  | 'paymentId'
>;

/** An unredeemed gift bought at `purchasedAt`, with a fresh claim code (answered beside it, never stored). */
export function newGift(terms: GiftTerms, purchasedAt: Date): { gift: Gift; code: string } {
  const { code, hash, last4 } = newGiftCode();
  const gift: Gift = {
    ...terms,
    id: randomUUID(),
    codeHash: hash,
    codeLast4: last4,
    redeemBy: addCalendarMonths(purchasedAt, REDEEMABLE_MONTHS),
    redeemedAt: null,
    redeemerKey: null,
    redeemerReaderId: null,
    redeemerEmail: null,
    redeemedUntil: null,
    refundedAt: null,
    expiryRecordedAt: null,
    createdAt: purchasedAt,
  };
  return { gift, code };
}
