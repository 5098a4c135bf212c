import { giftPriceOf, monthsPerInterval } from './gift-price';

const MONTHLY = { interval: 'month', intervalCount: 1 } as const;
const QUARTERLY = { interval: 'month', intervalCount: 3 } as const;
const YEARLY = { interval: 'year', intervalCount: 1 } as const;

describe('giftPriceOf', () => {
  it('multiplies the price per interval by the intervals, in minor units as they are (VND has none below the dong)', () => {
    expect(giftPriceOf(MONTHLY, 99_000n, 3)).toEqual({ intervals: 3, amount: 297_000n });
    expect(giftPriceOf(MONTHLY, 99_000n, 1)).toEqual({ intervals: 1, amount: 99_000n });
    expect(giftPriceOf(QUARTERLY, 270_000n, 12)).toEqual({ intervals: 4, amount: 1_080_000n });
    expect(giftPriceOf(YEARLY, 990_000n, 24)).toEqual({ intervals: 2, amount: 1_980_000n });
  });

  it('stays exact beyond what a float holds', () => {
    expect(giftPriceOf(MONTHLY, 900_719_925_474_099_3n, 36)?.amount).toBe(324_259_173_170_675_748n);
  });

  it('has no price for months that are not a whole number of intervals', () => {
    expect(giftPriceOf(QUARTERLY, 270_000n, 5)).toBeNull();
    expect(giftPriceOf(YEARLY, 990_000n, 6)).toBeNull();
    expect(giftPriceOf(MONTHLY, 99_000n, 0)).toBeNull();
    expect(giftPriceOf(MONTHLY, 99_000n, 1.5)).toBeNull();
  });

  it('counts the months of an interval', () => {
    expect(
      [MONTHLY, QUARTERLY, YEARLY, { interval: 'year', intervalCount: 2 } as const].map(monthsPerInterval),
    ).toEqual([1, 3, 12, 24]);
  });
});
