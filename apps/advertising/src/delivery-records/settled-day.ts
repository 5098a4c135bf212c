import { dayNumber, dayOfNumber, localDayOf } from '../calendar/agency-days';

/**
 * The last agency-local day whose delivery is settled at `now`: the day has ended and the settling
 * delay (for beacons arriving late) has passed since its end. Pure.
 */
export function lastSettledDay(now: Date, timeZone: string, settlingMs: number): string {
  return dayOfNumber(dayNumber(localDayOf(new Date(now.getTime() - settlingMs), timeZone)) - 1);
}
