import { VatRate } from '../tax-rates/vat-split';
import { applyCredit, prorateSuitePlanChange, SuitePlanChangeInput } from './suite-plan-change-proration';

const START = new Date('2026-01-01T00:00:00.000Z');
const END = new Date('2026-01-31T00:00:00.000Z');
const DAY_S = 86_400;
const day = (n: number) => START.getTime() / 1000 + n * DAY_S;
const VAT_10_INSIDE: VatRate = { basisPoints: 1000, inclusive: true };
const VAT_5_5_ON_TOP: VatRate = { basisPoints: 550, inclusive: false };
const YEAR_END = new Date('2027-01-01T00:00:00.000Z');
const BASE: SuitePlanChangeInput = {
  period: { start: START, end: END },
  prorationDate: day(15),
  fromUnitAmount: 99_000n,
  toUnitAmount: 199_000n,
  rate: VAT_10_INSIDE,
  creditBalance: 0n,
};

/** [credit, charge, amountDue, tax, creditApplied, creditBalance] */
type Expected = [bigint, bigint, bigint, bigint, bigint, bigint];

describe('prorateSuitePlanChange', () => {
  it.each<[string, Partial<SuitePlanChangeInput>, Expected]>([
    // Half the period left: 49,500 back, 99,500 charged; VAT 10 % inside each: 4,500 and 9,045 (90,454.5 rounded up).
    ['an upgrade halfway, VND, 10 % VAT inside', {}, [49_500n, 99_500n, 50_000n, 4_545n, 0n, 0n]],
    [
      'a downgrade halfway keeps the difference as credit, nothing billed',
      { fromUnitAmount: 199_000n, toUnitAmount: 99_000n },
      [99_500n, 49_500n, 0n, 0n, 0n, 50_000n],
    ],
    [
      'a downgrade adds to credit already held',
      { fromUnitAmount: 199_000n, toUnitAmount: 99_000n, creditBalance: 10_000n },
      [99_500n, 49_500n, 0n, 0n, 0n, 60_000n],
    ],
    ['the same price: nothing either way', { toUnitAmount: 99_000n }, [49_500n, 49_500n, 0n, 0n, 0n, 0n]],
    [
      'at the period start: the whole period at both prices',
      { prorationDate: day(0) },
      [99_000n, 199_000n, 100_000n, 9_091n, 0n, 0n],
    ],
    [
      'before the period start: as at its start',
      { prorationDate: day(-3) },
      [99_000n, 199_000n, 100_000n, 9_091n, 0n, 0n],
    ],
    [
      'at the last second: less than half a đồng each, nothing',
      { prorationDate: day(30) - 1 },
      [0n, 0n, 0n, 0n, 0n, 0n],
    ],
    ['at or after the period end: nothing', { prorationDate: day(31) }, [0n, 0n, 0n, 0n, 0n, 0n]],
    [
      'a half minor unit rounds up (49,500.5 → 49,501)',
      { fromUnitAmount: 0n, toUnitAmount: 99_001n, rate: null },
      [0n, 49_501n, 49_501n, 0n, 0n, 0n],
    ],
    [
      'USD cents, a third left, no VAT: 333.33 and 666.67 rounded half up',
      { fromUnitAmount: 1_000n, toUnitAmount: 2_000n, prorationDate: day(20), rate: null },
      [333n, 667n, 334n, 0n, 0n, 0n],
    ],
    [
      'USD cents, a third left, 5.5 % VAT on top of each part (18.315 → 18, 36.685 → 37)',
      { fromUnitAmount: 1_000n, toUnitAmount: 2_000n, prorationDate: day(20), rate: VAT_5_5_ON_TOP },
      [351n, 704n, 353n, 19n, 0n, 0n],
    ],
    [
      'held credit reduces the upgrade, with its VAT share (20,000 × 4,545 / 50,000 = 1,818)',
      { creditBalance: 20_000n },
      [49_500n, 99_500n, 30_000n, 2_727n, 20_000n, 0n],
    ],
    [
      'held credit larger than the upgrade: nothing due, the rest kept',
      { creditBalance: 70_000n },
      [49_500n, 99_500n, 0n, 0n, 50_000n, 20_000n],
    ],
    [
      'monthly to yearly halfway, VND, 10 % VAT inside: half a month back, a whole year charged (VAT 90,000 − 4,500)',
      { toUnitAmount: 990_000n, restartsCycle: true },
      [49_500n, 990_000n, 940_500n, 85_500n, 0n, 0n],
    ],
    [
      'monthly to yearly at the period start: the whole month back, the year charged',
      { toUnitAmount: 990_000n, restartsCycle: true, prorationDate: day(0) },
      [99_000n, 990_000n, 891_000n, 81_000n, 0n, 0n],
    ],
    [
      'yearly to monthly with 4/5 of the year left: the credit beats the month, the rest kept with credit held',
      {
        period: { start: START, end: YEAR_END },
        prorationDate: day(73),
        fromUnitAmount: 990_000n,
        toUnitAmount: 99_000n,
        restartsCycle: true,
        creditBalance: 10_000n,
      },
      [792_000n, 99_000n, 0n, 0n, 0n, 703_000n],
    ],
    [
      'USD cents monthly to yearly, a third left, no VAT, held credit applied: 100.00 − 3.33 − 6.67',
      {
        fromUnitAmount: 1_000n,
        toUnitAmount: 10_000n,
        prorationDate: day(20),
        rate: null,
        restartsCycle: true,
        creditBalance: 667n,
      },
      [333n, 10_000n, 9_000n, 0n, 667n, 0n],
    ],
    [
      'USD cents yearly to monthly, 5.5 % VAT on top: 4/5 of 120.00 back (101.28), 10.55 charged, the rest kept',
      {
        period: { start: START, end: YEAR_END },
        prorationDate: day(73),
        fromUnitAmount: 12_000n,
        toUnitAmount: 1_000n,
        rate: VAT_5_5_ON_TOP,
        restartsCycle: true,
      },
      [10_128n, 1_055n, 0n, 0n, 0n, 9_073n],
    ],
    [
      'a trial (nothing paid for the period): nothing either way',
      { fromUnitAmount: 0n, toUnitAmount: 0n },
      [0n, 0n, 0n, 0n, 0n, 0n],
    ],
  ])('%s', (_, change, [credit, charge, amountDue, tax, creditApplied, creditBalance]) => {
    const proration = prorateSuitePlanChange({ ...BASE, ...change });
    expect([
      proration.credit.amountDue,
      proration.charge.amountDue,
      proration.amountDue,
      proration.tax,
      proration.creditApplied,
      proration.creditBalance,
    ]).toEqual([credit, charge, amountDue, tax, creditApplied, creditBalance]);
  });

  it('answers the instant it computed at, clamped into the period', () => {
    expect(prorateSuitePlanChange(BASE).at.toISOString()).toBe('2026-01-16T00:00:00.000Z');
    expect(prorateSuitePlanChange({ ...BASE, prorationDate: day(40) }).at).toEqual(END);
  });

  it('keeps every amount an integer with VAT and the rest between 0 and what is billed, whatever the instant', () => {
    for (let hour = 0; hour <= 30 * 24; hour += 7) {
      for (const rate of [VAT_10_INSIDE, VAT_5_5_ON_TOP, null]) {
        const p = prorateSuitePlanChange({ ...BASE, prorationDate: day(0) + hour * 3600, rate, creditBalance: 777n });
        expect(p.tax >= 0n && p.tax <= p.amountDue).toBe(true);
        expect(p.amountDue + p.creditApplied).toBe(p.charge.amountDue - p.credit.amountDue);
        expect(p.creditBalance).toBe(777n - p.creditApplied);
      }
    }
  });
});

describe('applyCredit', () => {
  it.each<[string, bigint, [bigint, bigint, bigint]]>([
    ['no credit: the bill as it is', 0n, [99_000n, 9_000n, 0n]],
    ['part of the bill, with its VAT share', 33_000n, [66_000n, 6_000n, 33_000n]],
    ['the whole bill: nothing due, no VAT', 99_000n, [0n, 0n, 99_000n]],
    ['more than the bill: never below 0', 150_000n, [0n, 0n, 99_000n]],
    ['a credit too small to carry VAT (0.09 of a đồng) keeps all of it', 1n, [98_999n, 9_000n, 1n]],
  ])('%s', (_, credit, [amountDue, vat, applied]) => {
    const bill = applyCredit({ amountDue: 99_000n, vat: 9_000n }, credit);
    expect([bill.amountDue, bill.vat, bill.applied]).toEqual([amountDue, vat, applied]);
  });

  it('rounds a VAT share of half a minor unit up (5 × 2 / 20 = 0.5)', () => {
    expect(applyCredit({ amountDue: 20n, vat: 2n }, 5n)).toEqual({ amountDue: 15n, vat: 1n, applied: 5n });
  });

  it('applies nothing to a bill of 0', () => {
    expect(applyCredit({ amountDue: 0n, vat: 0n }, 5_000n)).toEqual({ amountDue: 0n, vat: 0n, applied: 0n });
  });
});
