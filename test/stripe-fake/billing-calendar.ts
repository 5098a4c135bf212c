export type BillingInterval = 'day' | 'week' | 'month' | 'year';

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * The end of a billing period that starts at `start`: `count` intervals later, at the same
 * time of day. Months keep the day of the month of `anchor` when it exists and otherwise take
 * the month's last day (Jan 31 -> Feb 28 -> Mar 31), as Stripe does.
 */
export function addInterval(start: number, interval: BillingInterval, count: number, anchor = start): number {
  const date = new Date(start * 1000);
  switch (interval) {
    case 'day':
      return start + count * 86_400;
    case 'week':
      return start + count * 7 * 86_400;
    case 'month':
      return addMonths(date, count, new Date(anchor * 1000).getUTCDate());
    case 'year':
      return addMonths(date, 12 * count, new Date(anchor * 1000).getUTCDate());
  }
}

function addMonths(date: Date, months: number, anchorDay: number): number {
  const firstOfTarget = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const target = new Date(firstOfTarget);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(anchorDay, lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return Math.floor(target.getTime() / 1000);
}
