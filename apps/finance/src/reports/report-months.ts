/** How many months from `from` to `to` (`YYYY-MM`), both included; 0 or less when `to` is before `from`. */
export function monthSpan(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

function monthIndex(month: string): number {
  const [year, number] = month.split('-').map(Number);
  return year * 12 + number - 1;
}
