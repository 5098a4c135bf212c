import { cancellationParts, makeGoodParts, refundParts, ScheduleAmounts, voidParts } from './schedule-arithmetic';

const schedule = (overrides: Partial<ScheduleAmounts> = {}): ScheduleAmounts => ({
  billed: 110_000n,
  tax: 10_000n,
  total: 100_000n,
  reduced: 0n,
  withdrawn: 0n,
  refunded: 0n,
  refundedTax: 0n,
  recognized: 0n,
  ...overrides,
});

describe('schedule arithmetic', () => {
  it('takes a full refund before any recognition off deferred revenue and VAT', () => {
    expect(refundParts(schedule(), 110_000n)).toEqual({ tax: 10_000n, deferred: 100_000n, earned: 0n });
  });

  it('splits a refund of a half-recognized schedule between deferred and earned', () => {
    expect(refundParts(schedule({ recognized: 50_000n }), 55_000n)).toEqual({
      tax: 5_000n,
      deferred: 25_000n,
      earned: 25_000n,
    });
  });

  it('gives back the whole tax when refunds add up to the whole, whatever their rounding', () => {
    let s = schedule({ billed: 3n, tax: 1n, total: 2n });
    let tax = 0n;
    for (const amount of [1n, 1n, 1n]) {
      const parts = refundParts(s, amount);
      tax += parts.tax;
      s = {
        ...s,
        refunded: s.refunded + amount,
        refundedTax: s.refundedTax + parts.tax,
        reduced: s.reduced + parts.deferred,
        withdrawn: s.withdrawn + parts.deferred + parts.earned,
      };
      expect(parts.tax + parts.deferred + parts.earned).toBe(amount);
    }
    expect(tax).toBe(1n);
    expect(s.reduced).toBe(2n);
  });

  it('never takes more off deferred revenue than remains', () => {
    const parts = refundParts(schedule({ recognized: 100_000n }), 110_000n);
    expect(parts).toEqual({ tax: 10_000n, deferred: 0n, earned: 100_000n });
  });

  it('voids with the tax the invoice stated', () => {
    expect(voidParts(schedule(), 110_000n, 10_000n)).toEqual({ tax: 10_000n, deferred: 100_000n, earned: 0n });
  });

  it('takes a make-good off what is left, and the excess off what was earned', () => {
    expect(makeGoodParts(schedule({ recognized: 90_000n }), 15_000n)).toEqual({ deferred: 10_000n, earned: 5_000n });
    expect(makeGoodParts(schedule(), 15_000n)).toEqual({ deferred: 15_000n, earned: 0n });
  });
});

describe("a booking's cancellation on its schedule", () => {
  // what is left to recognize (of 100,000), the credit and penalty told, and how they fall: deferred, earned, penalty now
  it.each<[string, Partial<ScheduleAmounts>, bigint, bigint, [bigint, bigint, bigint]]>([
    ['nothing delivered, nothing kept: all off deferred', {}, 100_000n, 0n, [100_000n, 0n, 0n]],
    ['a penalty before the flight', {}, 30_000n, 70_000n, [30_000n, 0n, 70_000n]],
    [
      'delivered 40 %, 20 % recognized yet: that stays',
      { recognized: 20_000n },
      30_000n,
      30_000n,
      [30_000n, 0n, 30_000n],
    ],
    [
      'more recognized than advertising counted delivered',
      { recognized: 90_000n },
      30_000n,
      0n,
      [10_000n, 20_000n, 0n],
    ],
    ['a penalty beyond what is left is already earned', { recognized: 80_000n }, 0n, 50_000n, [0n, 0n, 20_000n]],
    ['a make-good took part of what was left', { reduced: 10_000n }, 100_000n, 0n, [90_000n, 10_000n, 0n]],
  ])('%s', (_what, amounts, creditedNet, penalty, [deferred, earned, penaltyNow]) => {
    expect(cancellationParts(schedule(amounts), creditedNet, penalty)).toEqual({
      deferred,
      earned,
      penalty: penaltyNow,
    });
  });
});
