/** How far back a sync re-reads paid invoices: a monthly renewal and some slack. */
export const INVOICE_LOOKBACK_DAYS = 35;

export function invoiceLookbackStart(now = new Date()): Date {
  return new Date(now.getTime() - INVOICE_LOOKBACK_DAYS * 86_400_000);
}
