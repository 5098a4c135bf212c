import { addCalendarMonths } from '../gifts/calendar-months';

/** A VAT rate as the agency's table keeps it: basis points (1000 is 10 %), inside the price or on top. */
export interface VatRate {
  basisPoints: number;
  inclusive: boolean;
}

/** What the suite bills for a plan's first period. */
export interface FirstPeriodBill {
  /** Billed, VAT included (minor units). */
  amountDue: bigint;
  vat: bigint;
  /** The amount without VAT. */
  net: bigint;
  vatRateBasisPoints: number;
  periodStart: Date;
  periodEnd: Date;
}

const WHOLE = 10_000n;

/**
 * The first period of a plan billed at `now`: from `now` for the plan's interval in calendar
 * months, at the price's unit amount with VAT as the provider computes it from the same rate (so
 * a reader pays the same on a rail as by card): an inclusive rate is inside the amount
 * (`net = round(amount / (1 + rate))`, VAT the rest), an exclusive one adds `round(amount × rate)`;
 * rounding half away from zero on the minor unit. No rate in force: no VAT.
 */
export function billFirstPeriod(
  unitAmount: bigint,
  plan: { interval: 'month' | 'year'; intervalCount: number },
  rate: VatRate | null,
  now: Date,
): FirstPeriodBill {
  const basisPoints = BigInt(rate?.basisPoints ?? 0);
  const inclusive = rate?.inclusive ?? true;
  const net = inclusive ? roundedQuotient(unitAmount * WHOLE, WHOLE + basisPoints) : unitAmount;
  const vat = inclusive ? unitAmount - net : roundedQuotient(unitAmount * basisPoints, WHOLE);
  const months = periodMonthsOf(plan);
  return {
    amountDue: net + vat,
    vat,
    net,
    vatRateBasisPoints: Number(basisPoints),
    periodStart: now,
    periodEnd: addCalendarMonths(now, months),
  };
}

/** How many calendar months one period of the plan lasts. */
export function periodMonthsOf(plan: { interval: 'month' | 'year'; intervalCount: number }): number {
  return (plan.interval === 'year' ? 12 : 1) * plan.intervalCount;
}

/** `numerator / denominator` for non-negative numerator and positive denominator, rounded half up. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
