import { WEEKDAYS, WeekdayForecastView } from '@libs/contracts';
import { dayNumber, dayOfNumber, weekdayIndexOf } from '../calendar/agency-days';

/** Days of a unit's own delivery a forecast needs at least (four of each weekday), and reads at most. */
export const FORECAST_MIN_DAYS = 28;
export const FORECAST_MAX_DAYS = 56;
/** Standard deviations either side of the mean: about 95 % of days fall inside when days vary normally. */
const Z = 1.96;

export const FORECAST_METHOD =
  "Per weekday, from the unit's impressions (all lines) on each agency-local day of its last 4 to 8 weeks of delivery, a day without delivery counting 0: the mean, and mean ± 1.96 sample standard deviations (the low end rounded down and never below 0, the high end rounded up). Unsold and house impressions are not counted, so the forecast is what the unit delivered: a floor of what it could.";

/** What the unit delivered: its first day with delivery ever, the last closed day, and its impressions per day between. */
export interface DeliveryHistory {
  firstDelivered: string | null;
  lastDay: string;
  /** Impressions per agency-local day (days missing delivered nothing). */
  delivered: ReadonlyMap<string, number>;
}

export type ForecastOutcome =
  | { made: true; historyFrom: string; historyTo: string; weekdays: WeekdayForecastView[] }
  | { made: false; reason: string };

/**
 * The unit's impressions per weekday with a confidence range, from the last 4-8 weeks of its own
 * delivery up to `lastDay`. Refused, saying why, when the unit has delivered for fewer than 4
 * weeks. Pure: the history is given.
 */
export function forecastCapacity(history: DeliveryHistory): ForecastOutcome {
  const { firstDelivered, lastDay } = history;
  const last = dayNumber(lastDay);
  const span = firstDelivered === null ? 0 : last - dayNumber(firstDelivered) + 1;
  if (span < FORECAST_MIN_DAYS) {
    const had = firstDelivered === null || span <= 0 ? 'none yet' : `${span} days (since ${firstDelivered})`;
    return {
      made: false,
      reason: `a forecast needs at least ${FORECAST_MIN_DAYS} days (4 weeks) of the unit's own delivery up to ${lastDay}; it has ${had}`,
    };
  }
  const first = last - Math.min(span, FORECAST_MAX_DAYS) + 1;
  const samples: number[][] = WEEKDAYS.map(() => []);
  for (let n = first; n <= last; n++) {
    const day = dayOfNumber(n);
    samples[weekdayIndexOf(day)].push(history.delivered.get(day) ?? 0);
  }
  return {
    made: true,
    historyFrom: dayOfNumber(first),
    historyTo: lastDay,
    weekdays: WEEKDAYS.map((weekday, i) => ({ weekday, ...rangeOf(samples[i]) })),
  };
}

function rangeOf(values: number[]): Omit<WeekdayForecastView, 'weekday'> {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  const spread = Z * Math.sqrt(variance);
  return {
    days: values.length,
    mean: Math.round(mean),
    low: Math.max(0, Math.floor(mean - spread)),
    high: Math.ceil(mean + spread),
  };
}
