import type { ProviderAccount } from './provider-account';

export interface ProviderCoupon {
  id: string;
  name: string;
  percentOff: number | null;
  amountOff: bigint | null;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths: number | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  redeemBy: Date | null;
  valid: boolean;
  codes: string[];
}

export type NewCoupon = Omit<ProviderCoupon, 'id' | 'timesRedeemed' | 'valid' | 'codes'> & { code: string | null };

/**
 * What the agency sells, mirrored at its payment provider: products and their recurring prices,
 * VAT rates, coupons with their promotion codes. Each object is made once per idempotency key.
 */
export abstract class ProviderCatalog {
  abstract createProduct(
    account: ProviderAccount,
    idempotencyKey: string,
    product: { name: string; ourId: string },
  ): Promise<string>;
  abstract createPrice(
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
  ): Promise<string>;
  abstract createTaxRate(
    account: ProviderAccount,
    idempotencyKey: string,
    rate: { displayName: string; percentage: string; inclusive: boolean; country: string },
  ): Promise<string>;
  abstract createCoupon(account: ProviderAccount, idempotencyKey: string, coupon: NewCoupon): Promise<ProviderCoupon>;
  abstract listCoupons(account: ProviderAccount): Promise<ProviderCoupon[]>;
}
