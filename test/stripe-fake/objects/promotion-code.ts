import Stripe from 'stripe';

export interface PromotionCodeInput {
  id: string;
  created: number;
  code: string;
  coupon: string;
  active: boolean;
  customer: string | null;
  expiresAt: number | null;
  maxRedemptions: number | null;
  metadata: Stripe.Metadata;
}

/** In this API version the coupon sits under `promotion: { type: 'coupon', coupon }`. */
export function buildPromotionCode(input: PromotionCodeInput): Stripe.PromotionCode {
  return {
    id: input.id,
    object: 'promotion_code',
    active: input.active,
    code: input.code,
    created: input.created,
    customer: input.customer,
    customer_account: null,
    expires_at: input.expiresAt,
    livemode: false,
    max_redemptions: input.maxRedemptions,
    metadata: input.metadata,
    promotion: { coupon: input.coupon, type: 'coupon' },
    restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    times_redeemed: 0,
  };
}
