/** Where a sync's window starts: paid invoices, refunds, disputes and gift checkouts created since then are re-read. */
export function syncWindowStart(lookbackDays: number, now = new Date()): Date {
  return new Date(now.getTime() - lookbackDays * 86_400_000);
}
