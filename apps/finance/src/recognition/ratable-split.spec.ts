import { dayAmount, RatableSegment, recognizedThrough, shareOf } from './ratable-split';

const whole = (total: bigint, days: number): RatableSegment => ({
  days,
  segmentStart: 0,
  segmentBase: 0n,
  segmentAmount: total,
});
const sumOfDays = (segment: RatableSegment, from = 1) =>
  Array.from({ length: segment.days - from + 1 }, (_, i) => dayAmount(segment, from + i)).reduce((a, b) => a + b, 0n);

describe('ratable split', () => {
  it('spreads 90,000 VND over 30 days at exactly 3,000 a day', () => {
    const segment = whole(90_000n, 30);
    expect(Array.from({ length: 30 }, (_, i) => dayAmount(segment, i + 1))).toEqual(Array(30).fill(3_000n));
  });

  it('makes the days sum exactly to an amount that does not divide (cumulative floor)', () => {
    const segment = whole(10n, 3);
    expect([1, 2, 3].map((k) => dayAmount(segment, k))).toEqual([3n, 3n, 4n]);
    for (const [total, days] of [
      [99_000n - 9_000n, 31],
      [1n, 30],
      [7n, 365],
      [123_456_789n, 29],
    ] as const) {
      expect(sumOfDays(whole(total, days))).toBe(total);
    }
  });

  it('spreads what is left after a reduction over the remaining days, still summing exactly', () => {
    // 10 days of 1,000, 4 recognized (4,000), then 3,001 taken off: 2,999 left over 6 days.
    const reduced: RatableSegment = { days: 10, segmentStart: 4, segmentBase: 4_000n, segmentAmount: 2_999n };
    expect(recognizedThrough(reduced, 4)).toBe(4_000n);
    expect(sumOfDays(reduced, 5)).toBe(2_999n);
    expect(recognizedThrough(reduced, 10)).toBe(6_999n);
  });

  it('recognizes nothing beyond the last day', () => {
    expect(dayAmount(whole(100n, 4), 5)).toBe(0n);
  });

  it('takes integer shares, floor, and nothing when there is no whole', () => {
    expect(shareOf(1_000n, 1n, 3n)).toBe(333n);
    expect(shareOf(1_000n, 1n, 0n)).toBe(0n);
  });
});
