/**
 * `months` calendar months after `from` (UTC), at the same time of day; a day the target month
 * lacks becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = from.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
