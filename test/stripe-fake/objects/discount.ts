import Stripe from 'stripe';

export interface DiscountInput {
  id: string;
  coupon: Stripe.Coupon;
  promotionCode: string | null;
  customer: string;
  subscription: string | null;
  checkoutSession: string | null;
  start: number;
  end: number | null;
}

export function buildDiscount(input: DiscountInput): Stripe.Discount {
  return {
    id: input.id,
    object: 'discount',
    checkout_session: input.checkoutSession,
    customer: input.customer,
    customer_account: null,
    end: input.end,
    invoice: null,
    invoice_item: null,
    promotion_code: input.promotionCode,
    source: { coupon: input.coupon.id, type: 'coupon' },
    start: input.start,
    subscription: input.subscription,
    subscription_item: null,
  };
}
