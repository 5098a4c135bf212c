/** A plan's billing interval, as the catalog stores it. */
export interface BillingInterval {
  interval: 'month' | 'year';
  intervalCount: number;
}

export interface GiftPrice {
  /** How many of the plan's billing intervals the gift covers. */
  intervals: number;
  /** The price per interval times `intervals`, in the currency's minor unit. */
  amount: bigint;
}

export function monthsPerInterval(plan: BillingInterval): number {
  return plan.interval === 'year' ? 12 * plan.intervalCount : plan.intervalCount;
}

/**
 * What a gift of `months` costs on a plan: its price per billing interval times the intervals in
 * `months` (99,000 VND a month for 3 months is 297,000 VND). Null when `months` is not a whole
 * number of intervals: a gift of 5 months of a quarterly plan has no price.
 */
export function giftPriceOf(plan: BillingInterval, unitAmount: bigint, months: number): GiftPrice | null {
  const perInterval = monthsPerInterval(plan);
  if (!Number.isInteger(months) || months < 1 || months % perInterval !== 0) return null;
  const intervals = months / perInterval;
  return { intervals, amount: unitAmount * BigInt(intervals) };
}
