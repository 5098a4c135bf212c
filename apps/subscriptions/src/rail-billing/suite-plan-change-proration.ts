import { splitVat, VatRate, VatSplit } from '../tax-rates/vat-split';

/** What a plan change of a subscription the suite bills is computed from. */
export interface SuitePlanChangeInput {
  /** The current period (paid, or the trial's). */
  period: { start: Date; end: Date };
  /** Unix seconds the change is computed at (the preview's, to be charged what was shown); clamped into the period. */
  prorationDate: number;
  /** The price version the reader pays now, and the new plan's current one (minor units, VAT as the rate says). */
  fromUnitAmount: bigint;
  toUnitAmount: bigint;
  /** The VAT rate in force at the change (the same for both parts). */
  rate: VatRate | null;
  /** Credit the reader holds from earlier downgrades (minor units, VAT included). */
  creditBalance: bigint;
  /**
   * The billing cycle restarts at the change (a plan of another interval): the charge is the new
   * price's whole period from `at`, not the rest of this one.
   */
  restartsCycle?: boolean;
}

/** The prorated difference of a change made now, as the suite bills it. */
export interface SuitePlanChangeProration {
  /** The instant the proration is computed at: `prorationDate` clamped into the period. */
  at: Date;
  /** The unused rest of the period at the old price, VAT split (given back). */
  credit: VatSplit;
  /** The rest of the period at the new price, VAT split (charged); a whole new period when the cycle restarts. */
  charge: VatSplit;
  /** Billed now (an invoice for the rest of the period, or the new period), VAT included, after the held credit; 0 when nothing is. */
  amountDue: bigint;
  /** Its VAT. */
  tax: bigint;
  /** Held credit used to reduce `amountDue`. */
  creditApplied: bigint;
  /** The credit the reader holds after the change (an earlier one, less what was applied, plus a downgrade's). */
  creditBalance: bigint;
}

/**
 * The one proration rule of plan changes the suite bills (Stripe's `always_invoice`, in exact
 * integers): at `at`, the unused rest of the period at the old price is credited and the rest at
 * the new price charged, each `unitAmount × (end − at) / (end − start)` (milliseconds) rounded half
 * up to the minor unit (VND has none: whole đồng), then each VAT split as the provider splits a
 * line (`splitVat`). The difference, VAT included, is billed now when positive, reduced first by
 * credit the reader holds (never below 0); when negative it is kept as credit for the next
 * renewals (never paid out). A change of interval restarts the billing cycle at `at` (as Stripe
 * does): the credit is the same, the charge the new price's whole unit amount (a new period from
 * `at`, which the caller sets). Both parts are integers, so a preview and the change made with its
 * `prorationDate` give the same amounts.
 */
export function prorateSuitePlanChange(input: SuitePlanChangeInput): SuitePlanChangeProration {
  const start = input.period.start.getTime();
  const end = input.period.end.getTime();
  const at = Math.min(Math.max(input.prorationDate * 1000, start), end);
  const length = BigInt(Math.max(end - start, 1));
  const remaining = BigInt(end - at);
  const credit = splitVat(roundHalfUp(input.fromUnitAmount * remaining, length), input.rate);
  const charge = splitVat(
    input.restartsCycle ? input.toUnitAmount : roundHalfUp(input.toUnitAmount * remaining, length),
    input.rate,
  );
  const difference = charge.amountDue - credit.amountDue;
  if (difference <= 0n)
    return {
      at: new Date(at),
      credit,
      charge,
      amountDue: 0n,
      tax: 0n,
      creditApplied: 0n,
      creditBalance: input.creditBalance - difference,
    };
  const billed = applyCredit({ amountDue: difference, vat: charge.vat - credit.vat }, input.creditBalance);
  return {
    at: new Date(at),
    credit,
    charge,
    amountDue: billed.amountDue,
    tax: billed.vat,
    creditApplied: billed.applied,
    creditBalance: input.creditBalance - billed.applied,
  };
}

/** A bill after credit: what is still due, its VAT, and the credit used. */
export interface CreditedBill {
  amountDue: bigint;
  vat: bigint;
  applied: bigint;
}

/**
 * Credit applied to a bill, as a discount line with VAT: as much as the bill (never below 0; the
 * rest is kept), its VAT share `applied × vat / amountDue` rounded half up, so the bill's VAT and
 * its amount without VAT both stay between 0 and what they were.
 */
export function applyCredit(bill: { amountDue: bigint; vat: bigint }, credit: bigint): CreditedBill {
  const applied = credit < bill.amountDue ? (credit > 0n ? credit : 0n) : bill.amountDue;
  const appliedVat = bill.amountDue === 0n ? 0n : roundHalfUp(applied * bill.vat, bill.amountDue);
  return { amountDue: bill.amountDue - applied, vat: bill.vat - appliedVat, applied };
}

/** `numerator / denominator` for a non-negative numerator and positive denominator, rounded half up. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
