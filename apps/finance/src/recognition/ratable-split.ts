/**
 * Integer shares of money, so that nothing is lost to rounding: a whole split into parts that
 * always sum exactly to it.
 */

/** floor(amount × numerator / denominator), for non-negative operands; 0 when the denominator is 0. */
export function shareOf(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) return 0n;
  return (amount * numerator) / denominator;
}

/**
 * What is left of a schedule from `segmentStart` days on: `segmentBase` was recognized through
 * that day and `segmentAmount` remains, spread over the remaining days by cumulative floor
 * (recognized through day k = base + floor(amount × (k − start) / (days − start))). Without any
 * reduction, start and base are 0 and the amount is the schedule's total.
 */
export interface RatableSegment {
  days: number;
  segmentStart: number;
  segmentBase: bigint;
  segmentAmount: bigint;
}

/** Recognized through day `k` (1-based; 0 = before the first day) of a segment. */
export function recognizedThrough(segment: RatableSegment, k: number): bigint {
  const { days, segmentStart, segmentBase, segmentAmount } = segment;
  if (k <= segmentStart) return segmentBase;
  const span = days - segmentStart;
  if (span <= 0) return segmentBase + segmentAmount;
  const elapsed = Math.min(k, days) - segmentStart;
  return segmentBase + shareOf(segmentAmount, BigInt(elapsed), BigInt(span));
}

/** What day `k` (1-based) recognizes: the difference of the cumulative amounts, so the days sum to the whole. */
export function dayAmount(segment: RatableSegment, k: number): bigint {
  return recognizedThrough(segment, k) - recognizedThrough(segment, k - 1);
}
