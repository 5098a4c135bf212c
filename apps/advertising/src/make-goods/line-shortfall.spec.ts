import { EndedLine, FlightDelivery, shortfallOf } from './line-shortfall';

const cpm: EndedLine = {
  pricingModel: 'cpm',
  flightEnd: '2027-01-03',
  impressionsPerDay: 1000,
  flightDays: 3,
  taxable: 150_000n,
};
const cpd: EndedLine = { ...cpm, pricingModel: 'cpd', impressionsPerDay: 10_000, taxable: 90n };
const delivered = (impressions: number, amount: bigint, daysWithoutDelivery: string[] = []): FlightDelivery => ({
  impressions,
  amount,
  daysWithoutDelivery,
});

describe('a line short of its goal at the end of its flight', () => {
  it.each<[string, EndedLine, FlightDelivery, object | null]>([
    ['a cpm line on goal', cpm, delivered(3000, 150_000n), null],
    ['a cpm line over goal', cpm, delivered(3500, 150_000n), null],
    [
      'a cpm line short: the shortfall × its price',
      cpm,
      delivered(2400, 120_000n),
      { unit: 'impressions', goal: 3000, delivered: 2400, shortfall: 600, missedDays: [], creditAmount: 30_000n },
    ],
    [
      'a cpm line that delivered nothing: all of its price',
      cpm,
      delivered(0, 0n, ['2027-01-01', '2027-01-02', '2027-01-03']),
      { unit: 'impressions', shortfall: 3000, missedDays: [], creditAmount: 150_000n },
    ],
    ['a cpd line that served every day', cpd, delivered(30, 90n), null],
    [
      'a cpd line with missed days: their shares',
      cpd,
      delivered(20, 60n, ['2027-01-02']),
      { unit: 'days', goal: 3, delivered: 2, shortfall: 1, missedDays: ['2027-01-02'], creditAmount: 30n },
    ],
    [
      'a sponsorship missing two days, listed in order',
      { ...cpd, pricingModel: 'sponsorship' },
      delivered(5, 30n, ['2027-01-03', '2027-01-01']),
      { unit: 'days', shortfall: 2, missedDays: ['2027-01-01', '2027-01-03'], creditAmount: 60n },
    ],
  ])('%s', (_what, line, delivery, expected) => {
    const shortfall = shortfallOf(line, delivery);
    if (expected === null) expect(shortfall).toBeNull();
    else expect(shortfall).toMatchObject(expected);
  });

  it('says why in words', () => {
    expect(shortfallOf(cpm, delivered(2400, 120_000n))?.reason).toBe(
      'under-delivery: 2,400 of 3,000 impressions by the end of the flight on 2027-01-03, 600 short',
    );
    expect(shortfallOf(cpd, delivered(20, 60n, ['2027-01-02']))?.reason).toBe(
      'under-delivery: nothing served on 1 of 3 days (2027-01-02)',
    );
  });
});
