import type { InvoiceView } from '@libs/contracts';
import type { Invoice } from './invoice.entity';

export function toInvoiceView(invoice: Invoice): InvoiceView {
  const instant = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: invoice.id,
    subscriptionId: invoice.subscriptionId,
    providerInvoiceId: invoice.providerInvoiceId,
    status: invoice.status,
    currency: invoice.currency,
    amountDue: invoice.amountDue,
    amountPaid: invoice.amountPaid,
    tax: invoice.tax,
    creditApplied: invoice.creditApplied,
    proration: invoice.proration,
    providerFee: invoice.providerFee,
    servicePeriodStart: invoice.periodStart.toISOString(),
    servicePeriodEnd: invoice.periodEnd.toISOString(),
    dueDate: instant(invoice.dueDate),
    finalizedAt: instant(invoice.finalizedAt),
    paidAt: instant(invoice.paidAt),
    voidedAt: instant(invoice.voidedAt),
    markedUncollectibleAt: instant(invoice.markedUncollectibleAt),
    recordedAt: invoice.recordedAt.toISOString(),
  };
}
