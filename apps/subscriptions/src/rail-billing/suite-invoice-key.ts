/**
 * The key an invoice the suite bills is kept under (in the provider's id column: unique per
 * agency, and never one of a provider's ids). Payments know the invoice by its id alone.
 */
export function suiteInvoiceKey(invoiceId: string): string {
  return `suite:${invoiceId}`;
}
