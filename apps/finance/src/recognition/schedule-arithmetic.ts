import { shareOf } from './ratable-split';

/** The amounts of a schedule as bigint (see RecognitionSchedule). */
export interface ScheduleAmounts {
  billed: bigint;
  tax: bigint;
  total: bigint;
  reduced: bigint;
  withdrawn: bigint;
  refunded: bigint;
  refundedTax: bigint;
  recognized: bigint;
}

/** How money given back (a refund, a void) falls on the books, each part in minor units. */
export interface Withdrawal {
  /** Back from VAT payable. */
  tax: bigint;
  /** Off deferred revenue: what was not recognized yet (the schedule's remainder shrinks by it). */
  deferred: bigint;
  /** The share of what was already recognized. */
  earned: bigint;
}

export function remainingOf(s: ScheduleAmounts): bigint {
  return s.total - s.reduced - s.recognized;
}

/**
 * A refund of `amount` (tax included). The tax share is cumulative (tax refunded so far =
 * floor(tax × refunded so far / billed)), so refunds that add up to the whole give back the whole
 * tax; the rest splits between deferred and recognized in the proportion they stand in now.
 */
export function refundParts(s: ScheduleAmounts, amount: bigint): Withdrawal {
  const taxThrough = min(s.tax, shareOf(s.refunded + amount, s.tax, s.billed));
  const tax = clamp(taxThrough - s.refundedTax, 0n, amount);
  return { tax, ...splitNet(s, amount - tax) };
}

/** A void of `amount` (tax included) of which `tax` is VAT, as the invoice said. */
export function voidParts(s: ScheduleAmounts, amount: bigint, tax: bigint): Withdrawal {
  const voidedTax = clamp(tax, 0n, amount);
  return { tax: voidedTax, ...splitNet(s, amount - voidedTax) };
}

/** A make-good credit comes off what is left to deliver (`deferred`); beyond that, off revenue already earned (`earned`). */
export function makeGoodParts(s: ScheduleAmounts, amount: bigint): { deferred: bigint; earned: bigint } {
  const deferred = clamp(amount, 0n, max(remainingOf(s), 0n));
  return { deferred, earned: amount - deferred };
}

/** How a booking's cancellation falls on its schedule, tax excluded. */
export interface CancellationParts {
  /** Of the credit, what comes off what is left to deliver. */
  deferred: bigint;
  /** Of the credit, what comes off revenue already recognized (more was recognized than the booking keeps). */
  earned: bigint;
  /** The penalty recognized now, from what is left after the credit. */
  penalty: bigint;
}

/**
 * A cancellation credits `creditedNet` (tax excluded) and keeps `penalty`: the credit comes off
 * what is left to deliver first, the rest off revenue earned; the penalty is recognized from what
 * is left after it. What stays is what was delivered and not recognized yet.
 */
export function cancellationParts(s: ScheduleAmounts, creditedNet: bigint, penalty: bigint): CancellationParts {
  const left = max(remainingOf(s), 0n);
  const deferred = clamp(creditedNet, 0n, left);
  return { deferred, earned: creditedNet - deferred, penalty: clamp(penalty, 0n, left - deferred) };
}

/**
 * Of `net` given back, the part not yet recognized is net × remaining / kept, where kept is what
 * is still sold (total − withdrawn); the rest was earned already. Floor, and never more than remains.
 */
function splitNet(s: ScheduleAmounts, net: bigint): { deferred: bigint; earned: bigint } {
  const remaining = max(remainingOf(s), 0n);
  const kept = s.total - s.withdrawn;
  const deferred = kept <= 0n ? 0n : min(remaining, shareOf(net, remaining, kept));
  return { deferred, earned: net - deferred };
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}
