import { dayNumber } from '../calendar/agency-days';

/** Agency-local time as hours since 1970-01-01 00:00 local, fractional: the clock pacing reads. */
export type LocalHours = number;

/** 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function localHoursOf(day: string, hour: number, minutes = 0): LocalHours {
  return dayNumber(day) * 24 + hour + minutes / 60;
}

/**
 * A site's expected traffic by weekday (0 Sunday … 6 Saturday) and agency-local hour, in any
 * unit (only its proportions count), with the running sums that make "how much traffic between
 * two moments" a handful of additions.
 */
export interface TrafficCurve {
  readonly volumes: readonly (readonly number[])[];
  /** Per weekday, the volume before each hour (25 entries: the last is the day's total). */
  readonly before: readonly (readonly number[])[];
  readonly weekTotal: number;
}

/** Where an hour has no history, it still counts this share of the day's mean hour: time never stands still. */
const HOUR_FLOOR = 0.02;

export function trafficCurveOf(volumes: readonly (readonly number[])[]): TrafficCurve {
  const floored = volumes.map((hours) => {
    const mean = hours.reduce((sum, v) => sum + v, 0) / 24 || 1;
    return hours.map((v) => Math.max(v, mean * HOUR_FLOOR));
  });
  const before = floored.map((hours) => {
    const sums = [0];
    for (const v of hours) sums.push(sums[sums.length - 1] + v);
    return sums;
  });
  return { volumes: floored, before, weekTotal: before.reduce((sum, day) => sum + day[24], 0) };
}

/** Every hour of every day alike: a site without history yet. */
export const FLAT_CURVE: TrafficCurve = trafficCurveOf(Array.from({ length: 7 }, () => Array<number>(24).fill(1)));

/** Expected traffic from the local epoch to `at`, in the curve's unit. */
export function trafficUpTo(curve: TrafficCurve, at: LocalHours): number {
  const day = Math.floor(at / 24);
  const weeks = Math.floor(day / 7);
  let total = weeks * curve.weekTotal;
  for (let d = weeks * 7; d < day; d++) total += curve.before[weekdayOf(d)][24];
  const into = at - day * 24;
  const hour = Math.min(23, Math.floor(into));
  const weekday = weekdayOf(day);
  return total + curve.before[weekday][hour] + (into - hour) * curve.volumes[weekday][hour];
}

/** A page-request count of one agency-local hour of one day. */
export interface TrafficHour {
  day: string;
  hour: number;
  pages: number;
}

/**
 * The curve a site's history draws: for each weekday and hour, the mean pages of that hour over
 * the days of that weekday with any traffic. A weekday never seen takes the mean shape of the
 * days seen; a site without history is flat. Pass complete days only (not today).
 */
export function curveFromHistory(history: readonly TrafficHour[]): TrafficCurve {
  const sums = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const days = Array.from({ length: 7 }, () => new Set<string>());
  for (const { day, hour, pages } of history) {
    if (pages <= 0 || hour < 0 || hour > 23) continue;
    const weekday = weekdayOf(dayNumber(day));
    sums[weekday][hour] += pages;
    days[weekday].add(day);
  }
  const seen = days.map((d) => d.size);
  const totalDays = seen.reduce((sum, n) => sum + n, 0);
  if (totalDays === 0) return FLAT_CURVE;
  const pooled = Array.from({ length: 24 }, (_, hour) => sums.reduce((sum, day) => sum + day[hour], 0) / totalDays);
  return trafficCurveOf(sums.map((hours, weekday) => (seen[weekday] ? hours.map((v) => v / seen[weekday]) : pooled)));
}
