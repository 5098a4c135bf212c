import { elapsedShare, figuresOf, pacingOf } from './delivery-figures';

describe('delivery figures', () => {
  it.each([
    ['rates to four decimals', [3, 2, 1, 2], [0.6667, 0.3333]],
    ['none without impressions', [0, 0, 0, 0], [null, null]],
    ['a whole rate', [4, 4, 0, 1], [1, 0]],
    ['half up', [20_000, 1, 1, 1], [0.0001, 0.0001]],
  ])('gives %s', (_what, [impressions, viewables, clicks, uniqueReaders], [viewableRate, ctr]) => {
    expect(figuresOf({ impressions, viewables, clicks, uniqueReaders })).toEqual({
      impressions,
      viewables,
      viewableRate,
      clicks,
      ctr,
      uniqueReaders,
    });
  });
});

describe('pacing', () => {
  it.each([
    [
      'on pace halfway',
      3000,
      1500,
      0.5,
      { expectedByNow: 1500, deliveredPercent: 50, expectedPercent: 50, pacingPercent: 100 },
    ],
    [
      'behind a third of the way',
      3000,
      500,
      1 / 3,
      { expectedByNow: 1000, deliveredPercent: 16.67, expectedPercent: 33.33, pacingPercent: 50 },
    ],
    [
      'ahead at the end',
      3000,
      3300,
      1,
      { expectedByNow: 3000, deliveredPercent: 110, expectedPercent: 100, pacingPercent: 110 },
    ],
    [
      'before the flight',
      3000,
      0,
      0,
      { expectedByNow: 0, deliveredPercent: 0, expectedPercent: 0, pacingPercent: null },
    ],
    [
      'days of a whole-day line',
      3,
      1,
      2 / 3,
      { expectedByNow: 2, deliveredPercent: 33.33, expectedPercent: 66.67, pacingPercent: 50 },
    ],
    [
      'past the end, as at the end',
      10,
      10,
      1.5,
      { expectedByNow: 10, deliveredPercent: 100, expectedPercent: 100, pacingPercent: 100 },
    ],
  ])('%s', (_what, goal, delivered, elapsed, expected) => {
    expect(pacingOf(goal, delivered, elapsed)).toEqual(expected);
  });

  it.each([
    ['before the flight', '2027-01-01T00:00:00Z', 0],
    ['a quarter of the way', '2027-01-02T00:00:00Z', 0.25],
    ['after the flight', '2027-01-09T00:00:00Z', 1],
  ])('finds the flight elapsed %s', (_what, now, share) => {
    expect(elapsedShare(new Date(now), new Date('2027-01-01T00:00:00Z'), new Date('2027-01-05T00:00:00Z'))).toBe(share);
  });
});
