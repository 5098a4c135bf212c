import { dayNumber } from '../calendar/agency-days';
import { curveFromHistory, FLAT_CURVE, localHoursOf, trafficUpTo, weekdayOf } from './traffic-curve';

describe('traffic curves', () => {
  it('is flat for a site without history: traffic is the hours gone by', () => {
    expect(curveFromHistory([])).toBe(FLAT_CURVE);
    const from = localHoursOf('2027-03-01', 0);
    expect(trafficUpTo(FLAT_CURVE, localHoursOf('2027-03-09', 6, 30)) - trafficUpTo(FLAT_CURVE, from)).toBeCloseTo(
      8 * 24 + 6.5,
    );
  });

  it("averages each weekday's hours over the days seen, and gives a weekday never seen the mean shape", () => {
    // 2027-03-01 and 2027-03-08 are Mondays; 2027-03-02 a Tuesday
    expect(weekdayOf(dayNumber('2027-03-01'))).toBe(1);
    const curve = curveFromHistory([
      { day: '2027-03-01', hour: 20, pages: 300 },
      { day: '2027-03-08', hour: 20, pages: 500 },
      { day: '2027-03-08', hour: 3, pages: 10 },
      { day: '2027-03-02', hour: 20, pages: 100 },
      { day: '2027-03-02', hour: 9, pages: 100 },
    ]);
    expect(curve.volumes[1][20]).toBe(400);
    expect(curve.volumes[1][3]).toBe(5);
    expect(curve.volumes[2][9]).toBe(100);
    // Sunday, never seen: the mean of the three days seen
    expect(curve.volumes[0][20]).toBeCloseTo(900 / 3);
    expect(curve.volumes[0][9]).toBeCloseTo(100 / 3);
  });

  it('lets no hour stand still: an hour without history still counts a little', () => {
    const curve = curveFromHistory([{ day: '2027-03-01', hour: 20, pages: 2400 }]);
    expect(curve.volumes[1][4]).toBeGreaterThan(0);
    expect(curve.volumes[1][4]).toBeLessThan(curve.volumes[1][20] / 100);
  });

  it('sums traffic between two moments of different weeks the same however far from the epoch', () => {
    const curve = curveFromHistory([
      { day: '2027-03-01', hour: 20, pages: 300 },
      { day: '2027-03-06', hour: 10, pages: 600 },
    ]);
    const week = (start: string) =>
      trafficUpTo(curve, localHoursOf(start, 0) + 7 * 24) - trafficUpTo(curve, localHoursOf(start, 0));
    expect(week('2027-03-03')).toBeCloseTo(curve.weekTotal);
    expect(week('2030-11-20')).toBeCloseTo(curve.weekTotal);
  });
});
