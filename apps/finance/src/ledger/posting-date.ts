/** Where an agency keeps its books when finance has not heard of its time zone (the suite's home market). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The agency-local calendar day (`YYYY-MM-DD`) of an instant: a payment at 18:00 UTC on
 * 30 November is booked on 1 December in Hanoi, as the agency's accountant would date it.
 */
export function postingDateOf(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${String(instant)}`);
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats a date as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(at);
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
