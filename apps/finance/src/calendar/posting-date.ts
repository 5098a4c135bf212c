/** Where an agency keeps its books when finance has not heard of its time zone (the suite's home market). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Every zone's offset is a whole number of quarter hours and changes on a quarter-hour mark. */
const QUARTER_HOUR_MS = 900_000;
/** Quarter hours remembered per zone before it starts afresh (a month is 2,976). */
const REMEMBERED_QUARTERS = 10_000;

/** Per zone, the local day of each UTC quarter hour asked about: one Intl call per quarter, not per instant. */
const daysOfQuarters = new Map<string, { format: Intl.DateTimeFormat; days: Map<number, string> }>();

/**
 * The agency-local calendar day (`YYYY-MM-DD`) of an instant: a payment at 18:00 UTC on
 * 30 November is booked on 1 December in Hanoi, as the agency's accountant would date it.
 */
export function postingDateOf(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(at)) throw new Error(`not an instant: ${String(instant)}`);
  let zone = daysOfQuarters.get(timeZone);
  if (!zone) {
    // en-CA formats a date as YYYY-MM-DD.
    zone = {
      format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      days: new Map(),
    };
    daysOfQuarters.set(timeZone, zone);
  }
  const quarter = Math.floor(at / QUARTER_HOUR_MS);
  let day = zone.days.get(quarter);
  if (day === undefined) {
    if (zone.days.size >= REMEMBERED_QUARTERS) zone.days.clear();
    day = zone.format.format(quarter * QUARTER_HOUR_MS);
    zone.days.set(quarter, day);
  }
  return day;
}

/** The calendar day `days` after a `YYYY-MM-DD` day (negative for before). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`): 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
