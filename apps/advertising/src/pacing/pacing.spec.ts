import type { PacingMode } from '@libs/contracts';
import { PacedLine, PacingState, planned, repace } from './pacing';
import { dayNumber } from '../calendar/agency-days';
import { localHoursOf, trafficCurveOf, weekdayOf } from './traffic-curve';

/** A news site's day: quiet at night, a lunch bump, the evening peak; weekends a fifth busier. */
const HOURLY = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 0.9, 1.1, 1.0, 0.9, 1.0, 1.3, 1.2, 0.9, 0.8, 0.9, 1.1, 1.6, 2.2, 2.6, 2.4, 1.6,
  0.8,
];
const EVENING_PEAK = Array.from({ length: 7 }, (_, weekday) =>
  HOURLY.map((v) => (weekday === 0 || weekday === 6 ? v * 1.2 : v)),
);
const CURVE = trafficCurveOf(EVENING_PEAK);

const STEP_MINUTES = 5;
const DAYS = 7;
const PER_DAY = 10_000;
const FLIGHT = { flightStart: '2027-03-01', flightEnd: '2027-03-07' };

/** A seeded source of chance (mulberry32): the same flight every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Flight {
  /** Impressions delivered per flight day. */
  days: number[];
  /** Impressions delivered per hour of the day, over the flight. */
  hours: number[];
  total: number;
  /** Pacing's look at each step (state before the step's serving). */
  looks: PacingState[];
}

/**
 * A flight played in 5-minute steps: the line has `reach` times its goal's worth of chances at
 * chance 1 (the site's real traffic, which follows the curve give or take 15 %, scaled by
 * `traffic(day)` for days the curve does not know), pacing looks every step at what beacons
 * counted up to the step before (they lag), and each chance serves with pacing's probability.
 */
function fly(
  mode: PacingMode,
  options: { reach?: number; traffic?: (day: number) => number; seed?: number } = {},
): Flight {
  const random = seeded(options.seed ?? 7);
  const line: PacedLine = { goal: PER_DAY * DAYS, mode, ...FLIGHT };
  const first = dayNumber(FLIGHT.flightStart);
  const dayVolume = (d: number) => EVENING_PEAK[weekdayOf(d)].reduce((sum, v) => sum + v, 0);
  const meanDay = Array.from({ length: DAYS }, (_, i) => dayVolume(first + i)).reduce((s, v) => s + v, 0) / DAYS;
  const chancesPerVolume = ((options.reach ?? 3) * PER_DAY) / meanDay;
  const flight: Flight = { days: Array<number>(DAYS).fill(0), hours: Array<number>(24).fill(0), total: 0, looks: [] };
  let state: PacingState | undefined;
  let counted = 0;
  for (let i = 0; i < DAYS; i++) {
    for (let minute = 0; minute < 24 * 60; minute += STEP_MINUTES) {
      const hour = Math.floor(minute / 60);
      const at = localHoursOf(FLIGHT.flightStart, 0) + i * 24 + minute / 60;
      state = repace(line, CURVE, state, counted, at);
      flight.looks.push(state);
      counted = flight.total;
      const volume = EVENING_PEAK[weekdayOf(first + i)][hour] * (STEP_MINUTES / 60);
      const chances = Math.round(volume * chancesPerVolume * (options.traffic?.(i) ?? 1) * (0.85 + 0.3 * random()));
      for (let c = 0; c < chances; c++) {
        if (random() >= state.probability) continue;
        flight.days[i]++;
        flight.hours[hour]++;
        flight.total++;
      }
    }
  }
  return flight;
}

const within = (value: number, target: number, tolerance: number) => Math.abs(value - target) / target <= tolerance;

describe('pacing over a flight with an evening-peaked traffic curve', () => {
  it.each<PacingMode>(['even', 'front-loaded', 'asap'])('%s: ends the flight within 1 %% of its goal', (mode) => {
    const flight = fly(mode);
    expect(within(flight.total, PER_DAY * DAYS, 0.01)).toBe(true);
  });

  it('even: delivers each day close to its share, the last day not left short', () => {
    const flight = fly('even');
    const first = dayNumber(FLIGHT.flightStart);
    const volumes = flight.days.map((_, i) => EVENING_PEAK[weekdayOf(first + i)].reduce((s, v) => s + v, 0));
    const all = volumes.reduce((s, v) => s + v, 0);
    flight.days.forEach((delivered, i) =>
      expect([i, within(delivered, (PER_DAY * DAYS * volumes[i]) / all, 0.05)]).toEqual([i, true]),
    );
  });

  it('even: follows the hours of the curve (more in the evening peak than at night), not the clock', () => {
    const { hours } = fly('even');
    expect(hours[20]).toBeGreaterThan(hours[3] * 10);
    expect(within(hours[20] / hours[9], HOURLY[20] / HOURLY[9], 0.1)).toBe(true);
  });

  it('front-loaded: delivers more of its goal in the first half of the flight than in the second', () => {
    const flight = fly('front-loaded');
    const firstHalf = flight.days.slice(0, 3).reduce((s, v) => s + v, 0);
    const lastHalf = flight.days.slice(4).reduce((s, v) => s + v, 0);
    expect(firstHalf).toBeGreaterThan(lastHalf * 1.5);
  });

  it('asap: serves every chance until the goal is met, then stops', () => {
    const flight = fly('asap');
    expect(flight.days[0]).toBeGreaterThan(PER_DAY * 2.5);
    expect(flight.days[DAYS - 1]).toBe(0);
  });

  it('catches up a day of half the traffic the curve expected (a holiday dip), still ending within 1 %', () => {
    // reach 1.5: on a day of half the traffic, even every chance falls short of the day's share
    const steady = fly('even', { reach: 1.5 });
    const dipped = fly('even', { reach: 1.5, traffic: (day) => (day === 2 ? 0.5 : 1) });
    expect(dipped.days[2]).toBeLessThan(steady.days[2] * 0.8);
    for (const day of [3, 4, 5, 6]) expect(dipped.days[day]).toBeGreaterThan(steady.days[day]);
    expect(within(dipped.total, PER_DAY * DAYS, 0.01)).toBe(true);
  });

  it('ends within 1 % when reach is barely above the goal, and whatever the chance', () => {
    for (const seed of [1, 2, 3])
      expect(within(fly('even', { reach: 1.3, seed }).total, PER_DAY * DAYS, 0.01)).toBe(true);
  });

  it('throttles a line ahead of plan and boosts one behind', () => {
    const line: PacedLine = { goal: PER_DAY * DAYS, mode: 'even', ...FLIGHT };
    const at = localHoursOf('2027-03-03', 12);
    const look = localHoursOf('2027-03-03', 11, 55);
    const onPlan = planned('even', line.goal, repace(line, CURVE, undefined, 0, at).share);
    // the line had been on plan at chance 0.4, delivering what its reach gives: then it turns out ahead, or behind
    const before: PacingState = { probability: 0.4, need: 0, share: 0, delivered: 0, reach: null };
    const settled = repace(line, CURVE, before, 0, look);
    const previous: PacingState = { ...settled, probability: 0.4, reach: 3 * line.goal, delivered: onPlan - 50 };
    const steady = repace(line, CURVE, previous, onPlan, at);
    const ahead = repace(line, CURVE, previous, onPlan * 1.1, at);
    const behind = repace(line, CURVE, previous, onPlan * 0.9, at);
    expect(ahead.probability).toBeLessThan(steady.probability);
    expect(behind.probability).toBeGreaterThan(steady.probability);
    expect(behind.need).toBeGreaterThan(steady.need);
    expect(ahead.need).toBe(0);
  });

  it('stops a line at its goal and after its flight, and serves every chance until it has measured the line', () => {
    const line: PacedLine = { goal: 1000, mode: 'even', ...FLIGHT };
    expect(repace(line, CURVE, undefined, 1000, localHoursOf('2027-03-02', 10)).probability).toBe(0);
    expect(repace(line, CURVE, undefined, 10, localHoursOf('2027-03-08', 1)).probability).toBe(0);
    expect(repace(line, CURVE, undefined, 0, localHoursOf('2027-03-01', 0, 5)).probability).toBe(1);
  });
});
