import type { CapacityForecastView, CapacityMode } from '@libs/contracts';
import { weekdayIndexOf } from '../calendar/agency-days';

/** What a unit's capacity on a day depends on. */
export interface CapacitySource {
  dailyCapacity: number;
  capacityMode: CapacityMode;
  capacityForecast: CapacityForecastView | null;
}

/** Impressions the unit may sell per weekday, Monday first: the forecast's lower bounds, or the configured capacity. */
export function capacitiesByWeekday(unit: CapacitySource): number[] {
  if (unit.capacityMode === 'forecast' && unit.capacityForecast)
    return unit.capacityForecast.weekdays.map((weekday) => weekday.low);
  return Array.from({ length: 7 }, () => unit.dailyCapacity);
}

/** Impressions the unit may sell on an agency-local day it has never been booked on. */
export function capacityOn(unit: CapacitySource, day: string): number {
  return capacitiesByWeekday(unit)[weekdayIndexOf(day)];
}
