import { billFirstPeriod } from '../rail-billing/first-period-bill';
import { billGift, GiftVatRate } from './gift-bill';

describe('billGift', () => {
  it.each<[string, bigint, GiftVatRate | null, bigint, bigint, bigint]>([
    [
      '3 months at 99,000 VND, 10 % inside',
      297_000n,
      { basisPoints: 1000, inclusive: true },
      297_000n,
      27_000n,
      270_000n,
    ],
    ['8 % inside, rounded half up', 297_000n, { basisPoints: 800, inclusive: true }, 297_000n, 22_000n, 275_000n],
    ['10 % on top', 297_000n, { basisPoints: 1000, inclusive: false }, 326_700n, 29_700n, 297_000n],
    ['5.5 % on top, 550.55 rounded up', 10_010n, { basisPoints: 550, inclusive: false }, 10_561n, 551n, 10_010n],
    ['no rate in force', 297_000n, null, 297_000n, 0n, 297_000n],
  ])('bills VAT as the provider computes it for a gift: %s', (_, amount, rate, due, vat, net) => {
    const bill = billGift(amount, rate);
    expect([bill.amountDue, bill.vat, bill.net]).toEqual([due, vat, net]);
    expect(bill.vatRateBasisPoints).toBe(rate?.basisPoints ?? 0);
  });

  it.each<[bigint, GiftVatRate | null]>([
    [594_000n, { basisPoints: 1000, inclusive: true }],
    [1_188_001n, { basisPoints: 800, inclusive: true }],
    [99_999n, { basisPoints: 550, inclusive: false }],
    [1n, { basisPoints: 1000, inclusive: true }],
    [297_000n, null],
  ])('bills %p at %p as a rail subscription bills the same amount', (amount, rate) => {
    const period = billFirstPeriod(amount, { interval: 'month', intervalCount: 1 }, rate, new Date());
    expect(billGift(amount, rate)).toEqual({
      amountDue: period.amountDue,
      vat: period.vat,
      net: period.net,
      vatRateBasisPoints: period.vatRateBasisPoints,
    });
  });
});
