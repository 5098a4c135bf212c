import { ValidationFailedError } from '@libs/common';

/** Months of an agency's books as `YYYY-MM`, days as `YYYY-MM-DD` (calendar values, no instant). */

const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function monthAfter(month: string): string {
  return monthsAfter(month, 1);
}

/** `2026-10` reads `October 2026`. */
export function monthName(month: string): string {
  return MONTH_NAME.format(new Date(`${month}-01T00:00:00Z`));
}

/** The month `count` months after `month` (before, when negative). */
export function monthsAfter(month: string, count: number): string {
  const index = monthIndex(month) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a month, `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, number, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The months a report covers, `from` to `to` both included; a 400 naming `to` when it is before
 * `from` or more than `maxMonths` after it.
 */
export function reportSpan(from: string, to: string, maxMonths: number): number {
  const span = monthIndex(to) - monthIndex(from) + 1;
  if (span < 1) throw new ValidationFailedError([{ field: 'to', message: 'to must not be before from' }]);
  if (span > maxMonths)
    throw new ValidationFailedError([{ field: 'to', message: `at most ${maxMonths} months at once` }]);
  return span;
}

function monthIndex(month: string): number {
  const [year, number] = month.split('-').map(Number);
  return year * 12 + number - 1;
}
