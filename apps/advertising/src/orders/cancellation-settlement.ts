import type { PricingModel } from '@libs/contracts';
import { cancellationPenaltyOf } from '../inventory/unit-day-availability';

const BP = 10_000n;

/** One line of a canceled order as its settlement needs it (money in minor units, as quoted). */
export interface LineToSettle {
  pricingModel: PricingModel;
  taxable: bigint;
  vatRateBp: number;
  vat: bigint;
  total: bigint;
  /** The flight's days, and (whole days and sponsorships) how many of them ran, today included. */
  days: number;
  daysRun: number;
  /** (cpm) Impressions booked over the flight, and those delivered. */
  impressions: number;
  deliveredImpressions: number;
  /** Hours from the cancellation to the line's flight start: negative once it began. */
  noticeHours: number;
  bands: readonly { noticeHoursUnder: number; penaltyBp: number }[];
}

/** What canceling a line keeps and gives back, minor units. */
export interface LineSettlement {
  /** Delivered and kept, VAT excluded: a cpm line's delivered share of its impressions, a whole-day line's days run. */
  delivered: bigint;
  /** The rate card's penalty on what was not delivered, VAT excluded. */
  penalty: bigint;
  /** VAT on what is kept (delivered and penalty), at the line's rate. */
  keptVat: bigint;
  /** Taken off the invoice, VAT included, and of it the VAT. */
  credited: bigint;
  creditedTax: bigint;
}

/** `numerator / denominator` rounded half up, for non-negative numerators. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * A canceled line's settlement: what was delivered stays billed (cpm by impressions delivered,
 * whole days and sponsorships by days run, each its share of the line's taxable amount, rounded
 * half up); on what was not delivered the rate card's penalty by notice applies (when
 * `penaltyApplies`: a person canceled; a prepaid order the clock cancels unpaid owes none). VAT
 * is kept on what is kept at the line's rate, so the credit is a credit note at the same rate;
 * the rest of the line's total is credited.
 */
export function settleCanceledLine(line: LineToSettle, penaltyApplies: boolean): LineSettlement {
  const delivered =
    line.pricingModel === 'cpm'
      ? line.impressions > 0
        ? roundHalfUp(
            line.taxable * BigInt(Math.min(line.deliveredImpressions, line.impressions)),
            BigInt(line.impressions),
          )
        : 0n
      : line.days > 0
        ? roundHalfUp(line.taxable * BigInt(Math.max(0, Math.min(line.daysRun, line.days))), BigInt(line.days))
        : 0n;
  const penalty = penaltyApplies ? cancellationPenaltyOf(line.taxable - delivered, line.noticeHours, line.bands) : 0n;
  const kept = delivered + penalty;
  const rated = kept === line.taxable ? line.vat : roundHalfUp(kept * BigInt(line.vatRateBp), BP);
  const keptVat = rated < line.vat ? rated : line.vat;
  return {
    delivered,
    penalty,
    keptVat,
    credited: line.total - kept - keptVat,
    creditedTax: line.vat - keptVat,
  };
}
