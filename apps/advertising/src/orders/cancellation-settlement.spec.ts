import { LineToSettle, settleCanceledLine } from './cancellation-settlement';

/** The test card's bands: under 24 h all of it, under 72 h 70 %. */
const BANDS = [
  { noticeHoursUnder: 24, penaltyBp: 10_000 },
  { noticeHoursUnder: 72, penaltyBp: 7000 },
];

/** 1,000,000 taxable at 10 % VAT: a cpm line of 10,000 impressions over 5 days, or 5 whole days. */
function line(overrides: Partial<LineToSettle>): LineToSettle {
  return {
    pricingModel: 'cpm',
    taxable: 1_000_000n,
    vatRateBp: 1000,
    vat: 100_000n,
    total: 1_100_000n,
    days: 5,
    daysRun: 0,
    impressions: 10_000,
    deliveredImpressions: 0,
    noticeHours: 200,
    bands: BANDS,
    ...overrides,
  };
}

describe('what canceling a line keeps and credits', () => {
  // delivered, penalty, kept VAT, credited, credited VAT
  it.each<[string, Partial<LineToSettle>, boolean, [bigint, bigint, bigint, bigint, bigint]]>([
    ['a week ahead: nothing kept, all credited', {}, true, [0n, 0n, 0n, 1_100_000n, 100_000n]],
    ['48 h ahead: 70 % kept with its VAT', { noticeHours: 48 }, true, [0n, 700_000n, 70_000n, 330_000n, 30_000n]],
    ['exactly 72 h ahead: no band reached', { noticeHours: 72 }, true, [0n, 0n, 0n, 1_100_000n, 100_000n]],
    ['12 h ahead: all of it kept', { noticeHours: 12 }, true, [0n, 1_000_000n, 100_000n, 0n, 0n]],
    [
      'live cpm: delivered kept, the shortest band on the rest',
      { noticeHours: -30, deliveredImpressions: 2500 },
      true,
      [250_000n, 750_000n, 100_000n, 0n, 0n],
    ],
    [
      'live cpm with no band on the card: only what was delivered',
      { noticeHours: -30, deliveredImpressions: 2500, bands: [] },
      true,
      [250_000n, 0n, 25_000n, 825_000n, 75_000n],
    ],
    [
      'over-delivery keeps no more than the line',
      { noticeHours: -30, deliveredImpressions: 12_000, bands: [] },
      true,
      [1_000_000n, 0n, 100_000n, 0n, 0n],
    ],
    [
      'live whole days: the days run kept (today included)',
      { pricingModel: 'cpd', noticeHours: -30, daysRun: 2, bands: [] },
      true,
      [400_000n, 0n, 40_000n, 660_000n, 60_000n],
    ],
    [
      'a sponsorship a third run, with a 50 % band: rounded half up',
      {
        pricingModel: 'sponsorship',
        days: 3,
        daysRun: 1,
        noticeHours: -2,
        bands: [{ noticeHoursUnder: 24, penaltyBp: 5000 }],
      },
      true,
      [333_333n, 333_334n, 66_667n, 366_666n, 33_333n],
    ],
    ['an unpaid prepay the clock cancels: no penalty', { noticeHours: 12 }, false, [0n, 0n, 0n, 1_100_000n, 100_000n]],
  ])('%s', (_what, overrides, penaltyApplies, [delivered, penalty, keptVat, credited, creditedTax]) => {
    const settled = settleCanceledLine(line(overrides), penaltyApplies);
    expect(settled).toEqual({ delivered, penalty, keptVat, credited, creditedTax });
    // what is kept and what is credited make the line's total, and the VAT likewise
    expect(settled.delivered + settled.penalty + settled.keptVat + settled.credited).toBe(1_100_000n);
    expect(settled.keptVat + settled.creditedTax).toBe(100_000n);
  });
});
