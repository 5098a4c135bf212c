import Stripe from 'stripe';
import { BillingInterval } from '../billing-calendar';
import { WirePlan, WirePrice } from './wire-types';

export interface PriceInput {
  id: string;
  created: number;
  product: string;
  currency: string;
  unitAmount: number;
  recurring: { interval: BillingInterval; intervalCount: number; trialPeriodDays: number | null } | null;
  active: boolean;
  lookupKey: string | null;
  nickname: string | null;
  metadata: Stripe.Metadata;
}

export function buildPrice(input: PriceInput): WirePrice {
  return {
    id: input.id,
    object: 'price',
    active: input.active,
    billing_scheme: 'per_unit',
    created: input.created,
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey,
    metadata: input.metadata,
    nickname: input.nickname,
    product: input.product,
    recurring: input.recurring && {
      interval: input.recurring.interval,
      interval_count: input.recurring.intervalCount,
      meter: null,
      trial_period_days: input.recurring.trialPeriodDays,
      usage_type: 'licensed',
    },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? 'recurring' : 'one_time',
    unit_amount: input.unitAmount,
    unit_amount_decimal: String(input.unitAmount),
  };
}

/** The legacy `plan` view of a recurring price, which subscription items still carry (same id). */
export function planOfPrice(price: WirePrice): WirePlan {
  const recurring = price.recurring ?? {
    interval: 'month',
    interval_count: 1,
    meter: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: recurring.trial_period_days,
    usage_type: recurring.usage_type,
  };
}
