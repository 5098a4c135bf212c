import Stripe from 'stripe';
import { addInterval } from '../billing-calendar';
import { buildDiscount } from '../objects/discount';
import { StripeAccount } from '../stripe-account';
import { newStripeId } from '../stripe-ids';

export interface Redemption {
  coupon: string | null;
  promotionCode: string | null;
}

/** Attaches a coupon (directly or through a promotion code) to a subscription, counting the redemption. */
export function redeemDiscount(
  account: StripeAccount,
  redemption: Redemption,
  owner: { customer: string; subscription: string; checkoutSession: string | null },
  at: number,
): Stripe.Discount {
  const promotionCode = redemption.promotionCode ? account.get('promotion_code', redemption.promotionCode) : null;
  const couponRef = redemption.coupon ?? promotionCode?.promotion.coupon ?? null;
  const coupon = account.get('coupon', typeof couponRef === 'string' ? couponRef : (couponRef?.id ?? ''), 'coupon');
  coupon.times_redeemed += 1;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) coupon.valid = false;
  if (promotionCode) {
    promotionCode.times_redeemed += 1;
    if (promotionCode.max_redemptions !== null && promotionCode.times_redeemed >= promotionCode.max_redemptions)
      promotionCode.active = false;
  }
  return account.insert(
    buildDiscount({
      id: newStripeId('di_'),
      coupon,
      promotionCode: promotionCode?.id ?? null,
      customer: owner.customer,
      subscription: owner.subscription,
      checkoutSession: owner.checkoutSession,
      start: at,
      end:
        coupon.duration === 'repeating' && coupon.duration_in_months
          ? addInterval(at, 'month', coupon.duration_in_months)
          : null,
    }),
  );
}
