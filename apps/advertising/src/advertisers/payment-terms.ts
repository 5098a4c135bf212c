import { DEFAULT_NET_DAYS, FieldError, PaymentTerms } from '@libs/contracts';

/** The terms an advertiser's orders are booked under. */
export interface AgreedTerms {
  paymentTerms: PaymentTerms;
  /** Days from invoice to due day, for invoice terms; null for prepay. */
  netDays: number | null;
}

/**
 * The terms ad ops asked for: prepay when they say nothing (an advertiser earns credit, it does
 * not start with it), invoice with net 30 unless they say how many days. Net days go with invoice
 * terms only: asked with prepay, they name the field at fault.
 */
export function agreedTermsOf(asked: { paymentTerms?: PaymentTerms; netDays?: number }): AgreedTerms | FieldError {
  const paymentTerms = asked.paymentTerms ?? 'prepay';
  if (paymentTerms === 'prepay')
    return asked.netDays === undefined
      ? { paymentTerms, netDays: null }
      : { field: 'netDays', message: 'netDays go with invoice terms only (prepay has no due days)' };
  return { paymentTerms, netDays: asked.netDays ?? DEFAULT_NET_DAYS };
}
