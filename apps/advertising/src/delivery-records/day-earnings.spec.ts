import { DeliveredDay, earnedOnDay, LineEarningTerms, splitOverArticles } from './day-earnings';

const cpm: LineEarningTerms = { pricingModel: 'cpm', taxable: 150_000n, goalImpressions: 3000, flightDays: 3 };
const cpd: LineEarningTerms = { pricingModel: 'cpd', taxable: 100n, goalImpressions: 0, flightDays: 3 };

/** Each day of a flight in turn, impressions before it summed from the days before. */
function flight(terms: LineEarningTerms, impressions: number[]): bigint[] {
  let before = 0;
  return impressions.map((n, dayIndex) => {
    const day: DeliveredDay = { dayIndex, impressions: n, impressionsBefore: before };
    before += n;
    return earnedOnDay(terms, day);
  });
}

describe('what a line earns per day', () => {
  it.each<[string, LineEarningTerms, number[], bigint[]]>([
    ['cpm on goal: 50 per impression', cpm, [1000, 1000, 1000], [50_000n, 50_000n, 50_000n]],
    ['cpm under goal: only what was delivered', cpm, [1000, 0, 400], [50_000n, 0n, 20_000n]],
    ['cpm over goal: never beyond the price', cpm, [2000, 2000, 2000], [100_000n, 50_000n, 0n]],
    // 100 over 3 impressions a day: 33.33… carried from day to day, rounded down cumulatively
    [
      'cpm with fractions: carried, summing to the price',
      { ...cpm, taxable: 100n, goalImpressions: 9 },
      [3, 3, 3],
      [33n, 33n, 34n],
    ],
    ['cpm with one impression at a time', { ...cpm, taxable: 10n, goalImpressions: 3 }, [1, 1, 1], [3n, 3n, 4n]],
    ['cpd: each day its share, the last taking the carry', cpd, [5, 1, 9], [33n, 33n, 34n]],
    ['cpd: a day without delivery earns nothing', cpd, [5, 0, 9], [33n, 0n, 34n]],
    ['sponsorship like cpd', { ...cpd, pricingModel: 'sponsorship' }, [1, 1, 1], [33n, 33n, 34n]],
    ['a line at no charge (a make-good) earns nothing', { ...cpm, taxable: 0n }, [1000, 1000, 1000], [0n, 0n, 0n]],
  ])('%s', (_what, terms, impressions, earned) => {
    const days = flight(terms, impressions);
    expect(days).toEqual(earned);
    expect(days.reduce((sum, day) => sum + day, 0n) <= terms.taxable).toBe(true);
  });
});

describe("a day's amount over its articles", () => {
  it.each<[string, bigint, [string, number][], [string, string][]]>([
    [
      'in proportion to impressions',
      100n,
      [
        ['a', 3],
        ['b', 1],
      ],
      [
        ['a', '75'],
        ['b', '25'],
      ],
    ],
    [
      'remainders to the largest fractions',
      10n,
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      [
        ['a', '4'],
        ['b', '3'],
        ['c', '3'],
      ],
    ],
    [
      'pages without an article keep their share out',
      100n,
      [
        ['', 1],
        ['a', 1],
      ],
      [['a', '50']],
    ],
    [
      'an odd unit to the larger remainder, here the pages without an article',
      5n,
      [
        ['', 1],
        ['b', 2],
      ],
      [['b', '3']],
    ],
    ['nothing to split', 0n, [['a', 5]], []],
    ['no impressions', 100n, [['a', 0]], []],
    [
      'articles earning nothing are left out',
      1n,
      [
        ['a', 1],
        ['b', 3],
      ],
      [['b', '1']],
    ],
  ])('splits %s', (_what, amount, impressions, expected) => {
    const split = splitOverArticles(amount, new Map(impressions));
    expect(split.map((s) => [s.articleId, s.amount])).toEqual(expected);
  });

  it('gives the whole amount out between the articles and the pages without one', () => {
    // 1001 over 7, 11, 13, 17 of 48: 145, 229, 271, 354 rounded down, the 2 left to the largest remainders ('' and z)
    const split = splitOverArticles(
      1001n,
      new Map([
        ['', 7],
        ['x', 11],
        ['y', 13],
        ['z', 17],
      ]),
    );
    expect(split).toEqual([
      { articleId: 'x', amount: '229' },
      { articleId: 'y', amount: '271' },
      { articleId: 'z', amount: '355' },
    ]);
  });
});
