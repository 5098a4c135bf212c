import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { fromProviderNumber, toSafeNumber } from '@libs/common';
import type { ProviderAccount } from '../provider-account';
import { NewCoupon, ProviderCatalog, ProviderCoupon } from '../provider-catalog';
import { StripeClient } from './stripe-client';
import { fromUnix, idOf } from './stripe-conversions';

/** Products, recurring prices, tax rates, coupons and promotion codes at Stripe. */
@Injectable()
export class StripeCatalog extends ProviderCatalog {
  constructor(private readonly stripe: StripeClient) {
    super();
  }

  async createProduct(
    account: ProviderAccount,
    idempotencyKey: string,
    product: { name: string; ourId: string },
  ): Promise<string> {
    const created = await this.stripe.call(account, (s) =>
      s.products.create(
        { name: product.name, metadata: { tenant_id: account.tenantId, product_id: product.ourId } },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createPrice(
    account: ProviderAccount,
    idempotencyKey: string,
    price: {
      productId: string;
      currency: string;
      unitAmount: bigint;
      interval: 'month' | 'year';
      intervalCount: number;
      ourId: string;
    },
  ): Promise<string> {
    const created = await this.stripe.call(account, (s) =>
      s.prices.create(
        {
          product: price.productId,
          currency: price.currency.toLowerCase(),
          unit_amount: toSafeNumber(price.unitAmount),
          recurring: { interval: price.interval, interval_count: price.intervalCount },
          metadata: { tenant_id: account.tenantId, price_id: price.ourId },
        },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createTaxRate(
    account: ProviderAccount,
    idempotencyKey: string,
    rate: { displayName: string; percentage: string; inclusive: boolean; country: string },
  ): Promise<string> {
    const created = await this.stripe.call(account, (s) =>
      s.taxRates.create(
        {
          display_name: rate.displayName,
          percentage: Number(rate.percentage),
          inclusive: rate.inclusive,
          country: rate.country,
          tax_type: 'vat',
          metadata: { tenant_id: account.tenantId },
        },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createCoupon(account: ProviderAccount, idempotencyKey: string, coupon: NewCoupon): Promise<ProviderCoupon> {
    const created = await this.stripe.call(account, (s) =>
      s.coupons.create(
        {
          name: coupon.name,
          percent_off: coupon.percentOff ?? undefined,
          amount_off: coupon.amountOff !== null ? toSafeNumber(coupon.amountOff) : undefined,
          currency: coupon.currency?.toLowerCase() ?? undefined,
          duration: coupon.duration,
          duration_in_months: coupon.durationInMonths ?? undefined,
          max_redemptions: coupon.maxRedemptions ?? undefined,
          redeem_by: coupon.redeemBy ? Math.floor(coupon.redeemBy.getTime() / 1000) : undefined,
          metadata: { tenant_id: account.tenantId },
        },
        { idempotencyKey },
      ),
    );
    if (coupon.code) {
      const code = coupon.code;
      await this.stripe.call(account, (s) =>
        s.promotionCodes.create(
          { promotion: { type: 'coupon', coupon: created.id }, code },
          { idempotencyKey: `${idempotencyKey}:code` },
        ),
      );
    }
    return { ...toCoupon(created), codes: coupon.code ? [coupon.code] : [] };
  }

  async listCoupons(account: ProviderAccount): Promise<ProviderCoupon[]> {
    const coupons: ProviderCoupon[] = [];
    for await (const coupon of this.stripe.sdk(account).coupons.list({ limit: 100 })) coupons.push(toCoupon(coupon));
    for await (const code of this.stripe.sdk(account).promotionCodes.list({ limit: 100 })) {
      const couponId = idOf(code.promotion.coupon ?? null);
      coupons.find((c) => c.id === couponId)?.codes.push(code.code);
    }
    return coupons;
  }
}

function toCoupon(coupon: Stripe.Coupon): ProviderCoupon {
  return {
    id: coupon.id,
    name: coupon.name ?? coupon.id,
    percentOff: coupon.percent_off ?? null,
    amountOff:
      coupon.amount_off !== null && coupon.amount_off !== undefined ? fromProviderNumber(coupon.amount_off) : null,
    currency: coupon.currency?.toUpperCase() ?? null,
    duration: coupon.duration as ProviderCoupon['duration'],
    durationInMonths: coupon.duration_in_months ?? null,
    maxRedemptions: coupon.max_redemptions ?? null,
    timesRedeemed: coupon.times_redeemed,
    redeemBy: coupon.redeem_by ? fromUnix(coupon.redeem_by) : null,
    valid: coupon.valid,
    codes: [],
  };
}
