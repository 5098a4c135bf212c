import { cancellationPenaltyOf, fitsOn, InventoryDayCounts, unitDayFigures } from './unit-day-availability';

const UNIT = { dailyCapacity: 1000, exclusiveSponsorship: true };
const day = (sold: number, held: number, exclusive = false, capacity = 1000): InventoryDayCounts => ({
  capacity,
  sold,
  held,
  exclusive,
});

describe('availability of a unit on a day', () => {
  it.each<[string, InventoryDayCounts | null, typeof UNIT, string]>([
    ['a day never booked has the whole capacity', null, UNIT, '1000 0 0 1000 free'],
    ['sold and held both count against capacity', day(300, 200), UNIT, '1000 300 200 500 taken'],
    ['a full day has nothing left', day(600, 400), UNIT, '1000 600 400 0 taken'],
    ['a day a whole-day line owns has nothing left', day(0, 1000, true), UNIT, '1000 0 1000 0 taken'],
    ['a stored day keeps its own capacity', day(0, 0, false, 500), UNIT, '500 0 0 500 free'],
    [
      'a unit of no capacity offers no sponsorship',
      null,
      { dailyCapacity: 0, exclusiveSponsorship: true },
      '0 0 0 0 taken',
    ],
    [
      'a unit not sold as a sponsorship says so',
      null,
      { ...UNIT, exclusiveSponsorship: false },
      '1000 0 0 1000 not-offered',
    ],
  ])('%s', (_what, stored, unit, expected) => {
    const figures = unitDayFigures(stored, unit);
    expect(`${figures.capacity} ${figures.sold} ${figures.held} ${figures.available} ${figures.exclusive}`).toBe(
      expected,
    );
  });
});

describe('whether a line fits on a day', () => {
  const impressions = (n: number) => ({ wholeDay: false as const, impressions: n });
  const whole = { wholeDay: true as const };
  it.each<[string, InventoryDayCounts | null, { wholeDay: true } | { wholeDay: false; impressions: number }, boolean]>([
    ['impressions up to the capacity of a day never booked', null, impressions(1000), true],
    ['not one beyond it', null, impressions(1001), false],
    ['impressions filling what sold and held leave', day(300, 200), impressions(500), true],
    ['not one more', day(300, 200), impressions(501), false],
    ['a whole day that nothing is booked on', day(0, 0), whole, true],
    ['not a whole day that holds anything', day(0, 1), whole, false],
    ['nothing on a day a whole-day line owns', day(0, 1000, true, 2000), impressions(1), false],
    ['no whole day of a unit of no capacity', day(0, 0, false, 0), whole, false],
  ])('%s', (_what, stored, take, fits) => {
    expect(fitsOn(stored, 1000, take)).toBe(fits);
  });
});

describe('cancellation penalty by notice', () => {
  const BANDS = [
    { noticeHoursUnder: 72, penaltyBp: 7000 },
    { noticeHoursUnder: 24, penaltyBp: 10_000 },
  ];

  it.each([
    [10, 1_000_000n],
    [23.9, 1_000_000n],
    [24, 700_000n],
    [71, 700_000n],
    [72, 0n],
    [500, 0n],
  ])('with %s hours of notice costs %s of 1,000,000', (hours, penalty) => {
    expect(cancellationPenaltyOf(1_000_000n, hours, BANDS)).toBe(penalty);
  });

  it('rounds half up', () => {
    expect(cancellationPenaltyOf(5n, 1, [{ noticeHoursUnder: 24, penaltyBp: 5000 }])).toBe(3n);
  });
});
