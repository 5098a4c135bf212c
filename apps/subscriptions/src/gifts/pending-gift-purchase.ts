import { randomUUID } from 'node:crypto';
import type { Plan } from '../catalog/plan.entity';
import type { Price } from '../catalog/price.entity';
import type { GiftBill } from './gift-bill';
import type { GiftPrice } from './gift-price';
import type { GiftPurchase } from './gift-purchase.entity';

/** What the purchaser asked for, as both gift checkouts (card and rail) take it. */
export interface GiftOrder {
  months: number;
  purchaserEmail: string;
  recipientEmail?: string;
  message?: string;
}

/**
 * A gift purchase not paid yet. `bill` is the VAT the suite computed, for a rail payment; a card
 * checkout leaves it to the provider (null), which reports it with the payment.
 */
export function pendingGiftPurchase(
  tenantId: string,
  sale: { plan: Plan; price: Price; productId: string; giftPrice: GiftPrice; bill: GiftBill | null },
  order: GiftOrder,
  purchaserSecretHash: string,
  now: Date,
): GiftPurchase {
  const { plan, price, productId, giftPrice, bill } = sale;
  return {
    id: randomUUID(),
    tenantId,
    planId: plan.id,
    priceId: price.id,
    productId,
    months: order.months,
    intervals: giftPrice.intervals,
    currency: price.currency,
    unitAmount: price.unitAmount,
    amount: giftPrice.amount.toString(),
    purchaserEmail: order.purchaserEmail.toLowerCase(),
    recipientEmail: order.recipientEmail?.toLowerCase() ?? null,
    message: order.message ?? null,
    providerCheckoutId: null,
    paymentId: null,
    amountDue: bill?.amountDue.toString() ?? null,
    tax: bill?.vat.toString() ?? null,
    giftId: null,
    paidAt: null,
    refundedAt: null,
    purchaserSecretHash,
    codeRevealedAt: null,
    createdAt: now,
  };
}
