import { StripeAccount } from '../stripe-account';
import { InvoiceDiscount } from '../objects/invoice';
import { WireInvoiceLineItem, WireSubscription } from '../objects/wire-types';
import { roundHalfUp } from '../stripe-money';

/** The subscription's discounts that apply to an invoice made at `at`, each with its amount off `base`. */
export function discountsFor(
  account: StripeAccount,
  subscription: WireSubscription,
  base: number,
  at: number,
): InvoiceDiscount[] {
  const applied: InvoiceDiscount[] = [];
  let remaining = base;
  for (const entry of subscription.discounts) {
    const discount = account.find('discount', typeof entry === 'string' ? entry : entry.id);
    if (!discount || (discount.end !== null && discount.end <= at)) continue;
    const couponId = discount.source.coupon;
    const coupon = couponId && account.find('coupon', typeof couponId === 'string' ? couponId : couponId.id);
    if (!coupon) continue;
    const amount =
      coupon.percent_off !== null
        ? roundHalfUp((remaining * coupon.percent_off) / 100)
        : Math.min(coupon.amount_off ?? 0, remaining);
    applied.push({ discount: discount.id, amount });
    remaining -= amount;
  }
  return applied;
}

/** A `once` coupon is spent by the first invoice it discounts: its discount ends there. */
export function spendOnceDiscounts(account: StripeAccount, applied: InvoiceDiscount[], at: number): void {
  for (const { discount: id } of applied) {
    const discount = account.find('discount', id);
    const couponId = discount?.source.coupon;
    const coupon = couponId && account.find('coupon', typeof couponId === 'string' ? couponId : couponId.id);
    if (discount && coupon && coupon.duration === 'once') discount.end = at;
  }
}

/** Spreads each discount over the discountable lines in proportion to their amounts. */
export function spreadDiscounts(lines: WireInvoiceLineItem[], applied: InvoiceDiscount[]): void {
  const discountable = lines.filter((line) => line.discountable && line.amount > 0);
  const base = discountable.reduce((sum, line) => sum + line.amount, 0);
  if (base === 0) return;
  for (const { discount, amount } of applied) {
    let left = amount;
    discountable.forEach((line, index) => {
      const share = index === discountable.length - 1 ? left : Math.floor((amount * line.amount) / base);
      left -= share;
      line.discount_amounts = [...(line.discount_amounts ?? []), { amount: share, discount }];
      line.pretax_credit_amounts = [
        ...(line.pretax_credit_amounts ?? []),
        { amount: share, discount, type: 'discount' },
      ];
    });
  }
}
