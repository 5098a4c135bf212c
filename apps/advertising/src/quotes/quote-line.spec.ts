import { daysFrom } from '../calendar/agency-days';
import { LinePrices, PricedLine, quoteLine } from './quote-line';

const CARD: LinePrices = {
  cpdPrice: 10_000_000n,
  cpmPrice: 50_000n,
  sponsorshipDayPrice: 30_000_000n,
  sponsoredArticlePrice: 25_000_000n,
  vatRateBp: 1000,
  seasonalMultipliers: [],
  volumeDiscounts: [],
  commissionTiers: [],
};
const TET = { from: '2027-02-05', to: '2027-02-07', multiplierBp: 15_000 };
const BY_DAYS = [
  { basis: 'days' as const, atLeast: 7, discountBp: 1000 },
  { basis: 'days' as const, atLeast: 14, discountBp: 1500 },
];
const COMMISSION = [
  { atLeast: 0n, commissionBp: 1000 },
  { atLeast: 50_000_000n, commissionBp: 1500 },
];

/** A sponsored article exposed from `from` to `to`: a whole-day sponsorship of the unit, priced per article. */
function article(from: string, to: string, commissionable = false): PricedLine {
  return { ...line('sponsorship', from, to, 1000), product: 'sponsored-article', commissionable };
}

function line(pricingModel: PricedLine['pricingModel'], from: string, to: string, impressionsPerDay = 0): PricedLine {
  return { pricingModel, days: daysFrom(from, to), impressionsPerDay, commissionable: false };
}

describe('quoting a line', () => {
  // [what, line, card changes, list, seasonal adjustment, volume bp, volume discount, commission bp, commission, vat, total]
  it.each<[string, PricedLine, Partial<LinePrices>, ...(number | bigint)[]]>([
    [
      'three whole days at the day price',
      line('cpd', '2027-03-01', '2027-03-03'),
      {},
      30_000_000n,
      0n,
      0,
      0n,
      0,
      0n,
      3_000_000n,
      33_000_000n,
    ],
    [
      'Tết ×1.5 on the two days it covers',
      line('cpd', '2027-02-06', '2027-02-09'),
      { seasonalMultipliers: [TET] },
      40_000_000n,
      10_000_000n,
      0,
      0n,
      0,
      0n,
      5_000_000n,
      55_000_000n,
    ],
    [
      'the largest multiplier where periods overlap',
      line('sponsorship', '2027-02-06', '2027-02-06'),
      { seasonalMultipliers: [{ from: '2027-02-01', to: '2027-02-28', multiplierBp: 8000 }, TET] },
      30_000_000n,
      15_000_000n,
      0,
      0n,
      0,
      0n,
      4_500_000n,
      49_500_000n,
    ],
    [
      'cpm rounds half up once (499.5 → 500)',
      line('cpm', '2027-03-01', '2027-03-01', 1500),
      { cpmPrice: 333n },
      500n,
      0n,
      0,
      0n,
      0,
      0n,
      50n,
      550n,
    ],
    [
      'cpm with a season rounds the seasonal sum once (749.25 → 749) and VAT half up (74.9 → 75)',
      line('cpm', '2027-02-06', '2027-02-06', 1500),
      { cpmPrice: 333n, seasonalMultipliers: [TET] },
      500n,
      249n,
      0,
      0n,
      0,
      0n,
      75n,
      824n,
    ],
    [
      'a volume discount by days, the largest tier reached',
      line('cpd', '2027-03-01', '2027-03-07'),
      { volumeDiscounts: BY_DAYS },
      70_000_000n,
      0n,
      1000,
      7_000_000n,
      0,
      0n,
      6_300_000n,
      69_300_000n,
    ],
    [
      'a volume discount by impressions',
      line('cpm', '2027-03-01', '2027-03-02', 500_000),
      { volumeDiscounts: [{ basis: 'impressions', atLeast: 1_000_000, discountBp: 500 }] },
      50_000_000n,
      0n,
      500,
      2_500_000n,
      0,
      0n,
      4_750_000n,
      52_250_000n,
    ],
    [
      "a media agency's commission off the net, by the tier the net reaches",
      { ...line('cpd', '2027-03-01', '2027-03-07'), commissionable: true },
      { volumeDiscounts: BY_DAYS, commissionTiers: COMMISSION },
      70_000_000n,
      0n,
      1000,
      7_000_000n,
      1500,
      9_450_000n,
      5_355_000n,
      58_905_000n,
    ],
    [
      'no commission for an advertiser booking directly',
      line('cpd', '2027-03-01', '2027-03-07'),
      { volumeDiscounts: BY_DAYS, commissionTiers: COMMISSION },
      70_000_000n,
      0n,
      1000,
      7_000_000n,
      0,
      0n,
      6_300_000n,
      69_300_000n,
    ],
    [
      'a sponsored article once, whatever its window',
      article('2027-03-01', '2027-03-03'),
      {},
      25_000_000n,
      0n,
      0,
      0n,
      0,
      0n,
      2_500_000n,
      27_500_000n,
    ],
    [
      'a sponsored article at the multiplier of its first exposure day (Tết)',
      article('2027-02-07', '2027-02-09'),
      { seasonalMultipliers: [TET] },
      25_000_000n,
      12_500_000n,
      0,
      0n,
      0,
      0n,
      3_750_000n,
      41_250_000n,
    ],
    [
      'a sponsored article ignores the season of its later days',
      article('2027-02-04', '2027-02-06'),
      { seasonalMultipliers: [TET] },
      25_000_000n,
      0n,
      0,
      0n,
      0,
      0n,
      2_500_000n,
      27_500_000n,
    ],
    [
      'a sponsored article gets no volume discount, however long its window',
      article('2027-03-01', '2027-03-14'),
      { volumeDiscounts: BY_DAYS },
      25_000_000n,
      0n,
      0,
      0n,
      0,
      0n,
      2_500_000n,
      27_500_000n,
    ],
    [
      'a sponsored article booked through a media agency earns it the commission tier its net reaches',
      article('2027-03-01', '2027-03-01', true),
      { commissionTiers: COMMISSION },
      25_000_000n,
      0n,
      0,
      0n,
      1000,
      2_500_000n,
      2_250_000n,
      24_750_000n,
    ],
    [
      'no VAT at a zero rate',
      line('cpd', '2027-03-01', '2027-03-01'),
      { vatRateBp: 0 },
      10_000_000n,
      0n,
      0,
      0n,
      0,
      0n,
      0n,
      10_000_000n,
    ],
  ])('%s', (_what, proposed, changes, list, adjustment, volumeBp, discount, commissionBp, commission, vat, total) => {
    const quote = quoteLine(proposed, { ...CARD, ...changes })!;
    const net = (list as bigint) + (adjustment as bigint) - (discount as bigint);
    expect(quote).toEqual({
      days: proposed.days.length,
      impressions: proposed.impressionsPerDay * proposed.days.length,
      listPrice: list,
      seasonalAdjustment: adjustment,
      seasonalPrice: (list as bigint) + (adjustment as bigint),
      volumeDiscountBp: volumeBp,
      volumeDiscount: discount,
      net,
      commissionBp,
      commission,
      taxable: net - (commission as bigint),
      vatRateBp: changes.vatRateBp ?? CARD.vatRateBp,
      vat,
      total,
    });
  });

  it.each([
    ['cpd', { cpdPrice: null }],
    ['cpm', { cpmPrice: null }],
    ['sponsorship', { sponsorshipDayPrice: null }],
  ] as const)('offers no price for %s when the rate card has none', (model, changes) => {
    expect(quoteLine(line(model, '2027-03-01', '2027-03-01', 1000), { ...CARD, ...changes })).toBeNull();
  });

  it('offers no sponsored article when the rate card has no per-article price, whatever its day price', () => {
    expect(quoteLine(article('2027-03-01', '2027-03-01'), { ...CARD, sponsoredArticlePrice: null })).toBeNull();
    expect(quoteLine(article('2027-03-01', '2027-03-01'), { ...CARD, sponsorshipDayPrice: null })).not.toBeNull();
  });
});
