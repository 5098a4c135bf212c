import { daysFrom } from '../calendar/agency-days';
import { DeliveryHistory, forecastCapacity } from './capacity-forecast';

/** 2027-01-04 is a Monday; 2027-01-31 a Sunday: four whole weeks. */
const FOUR_WEEKS = daysFrom('2027-01-04', '2027-01-31');

function history(perDay: (day: string, i: number) => number, days = FOUR_WEEKS, firstDelivered = days[0]) {
  return {
    firstDelivered,
    lastDay: days[days.length - 1],
    delivered: new Map(days.map((day, i) => [day, perDay(day, i)])),
  } satisfies DeliveryHistory;
}

describe('capacity forecast', () => {
  it.each<[string, DeliveryHistory, string]>([
    ['no delivery at all', { firstDelivered: null, lastDay: '2027-01-31', delivered: new Map() }, 'it has none yet'],
    ['27 days of delivery', history(() => 1000, FOUR_WEEKS.slice(1)), 'it has 27 days (since 2027-01-05)'],
    ['a first delivery after the last day', history(() => 1000, FOUR_WEEKS, '2027-02-10'), 'it has none yet'],
  ])('refuses a forecast from %s, saying why', (_what, input, reason) => {
    const outcome = forecastCapacity(input);
    expect(outcome).toMatchObject({ made: false });
    expect(outcome.made === false && outcome.reason).toContain(reason);
    expect(outcome.made === false && outcome.reason).toContain('at least 28 days (4 weeks)');
  });

  it.each<[string, DeliveryHistory, [number, number, number, number]]>([
    ['the same every day: no spread', history(() => 1000), [4, 1000, 1000, 1000]],
    // Mondays 800, 1000, 1200, 1000: mean 1000, sample sd 163.3, ±320.07
    [
      'a varying Monday',
      history((_d, i) => (i % 7 === 0 ? [800, 1000, 1200, 1000][i / 7] : 500)),
      [4, 1000, 679, 1321],
    ],
    // Mondays 0, 0, 100, 4000: mean 1025, sample sd 1983.9: the low end stops at 0
    ['a Monday with one big day', history((_d, i) => ({ 14: 100, 21: 4000 })[i] ?? 0), [4, 1025, 0, 4914]],
    // a day without delivery counts 0: Mondays 900, 0, 900, 1000
    ['a Monday without delivery', history((_d, i) => ({ 7: 0, 21: 1000 })[i] ?? 900), [4, 700, 0, 1620]],
  ])('forecasts Mondays from %s', (_what, input, [days, mean, low, high]) => {
    const outcome = forecastCapacity(input);
    if (!outcome.made) throw new Error(outcome.reason);
    expect(outcome.weekdays[0]).toEqual({ weekday: 'monday', days, mean, low, high });
    expect(outcome).toMatchObject({ historyFrom: '2027-01-04', historyTo: '2027-01-31' });
  });

  it('reads at most the last 8 weeks, and gives every weekday its own range', () => {
    const ten = daysFrom('2026-12-21', '2027-02-28');
    const outcome = forecastCapacity(
      history((day) => (day < '2027-01-04' ? 1_000_000 : 100 * (new Date(`${day}T00:00:00Z`).getUTCDay() + 1)), ten),
    );
    if (!outcome.made) throw new Error(outcome.reason);
    expect(outcome.historyFrom).toBe('2027-01-04');
    expect(outcome.weekdays.map((w) => [w.weekday, w.days, w.low])).toEqual([
      ['monday', 8, 200],
      ['tuesday', 8, 300],
      ['wednesday', 8, 400],
      ['thursday', 8, 500],
      ['friday', 8, 600],
      ['saturday', 8, 700],
      ['sunday', 8, 100],
    ]);
  });
});
