import { billFirstPeriod, VatRate } from './first-period-bill';

const MONTHLY = { interval: 'month', intervalCount: 1 } as const;
const NOW = new Date('2026-01-31T09:30:00.000Z');

describe('billFirstPeriod', () => {
  it.each<[string, bigint, VatRate | null, bigint, bigint, bigint]>([
    ['10 % inside the price', 99_000n, { basisPoints: 1000, inclusive: true }, 99_000n, 9_000n, 90_000n],
    ['8 % inside, rounded half up', 99_000n, { basisPoints: 800, inclusive: true }, 99_000n, 7_333n, 91_667n],
    ['10 % on top', 90_000n, { basisPoints: 1000, inclusive: false }, 99_000n, 9_000n, 90_000n],
    ['5.5 % on top, 550.55 rounded up', 10_010n, { basisPoints: 550, inclusive: false }, 10_561n, 551n, 10_010n],
    ['no rate in force', 99_000n, null, 99_000n, 0n, 99_000n],
    ['a zero rate', 99_000n, { basisPoints: 0, inclusive: true }, 99_000n, 0n, 99_000n],
  ])('bills VAT as the provider computes it: %s', (_, unit, rate, due, vat, net) => {
    const bill = billFirstPeriod(unit, MONTHLY, rate, NOW);
    expect([bill.amountDue, bill.vat, bill.net]).toEqual([due, vat, net]);
    expect(bill.vatRateBasisPoints).toBe(rate?.basisPoints ?? 0);
  });

  it.each([
    ['a month from the 31st of January ends on the last day of February', MONTHLY, '2026-02-28T09:30:00.000Z'],
    ['three months', { interval: 'month', intervalCount: 3 } as const, '2026-04-30T09:30:00.000Z'],
    ['a year', { interval: 'year', intervalCount: 1 } as const, '2027-01-31T09:30:00.000Z'],
  ])('covers the plan interval from now: %s', (_, plan, end) => {
    const bill = billFirstPeriod(99_000n, plan, null, NOW);
    expect([bill.periodStart.toISOString(), bill.periodEnd.toISOString()]).toEqual([NOW.toISOString(), end]);
  });
});
