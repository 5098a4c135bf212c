import { addCalendarMonths } from '../gifts/calendar-months';
import { splitVat, VatRate, VatSplit } from '../tax-rates/vat-split';

export type { VatRate };

/** What the suite bills for a plan's first period. */
export interface FirstPeriodBill extends VatSplit {
  periodStart: Date;
  periodEnd: Date;
}

/**
 * The first period of a plan billed at `now`: from `now` for the plan's interval in calendar
 * months, at the price's unit amount with VAT split as the provider splits it (`splitVat`).
 */
export function billFirstPeriod(
  unitAmount: bigint,
  plan: { interval: 'month' | 'year'; intervalCount: number },
  rate: VatRate | null,
  now: Date,
): FirstPeriodBill {
  return {
    ...splitVat(unitAmount, rate),
    periodStart: now,
    periodEnd: addCalendarMonths(now, periodMonthsOf(plan)),
  };
}

/** How many calendar months one period of the plan lasts. */
export function periodMonthsOf(plan: { interval: 'month' | 'year'; intervalCount: number }): number {
  return (plan.interval === 'year' ? 12 : 1) * plan.intervalCount;
}
