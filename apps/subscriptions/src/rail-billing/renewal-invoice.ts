import { randomUUID } from 'node:crypto';
import type { Invoice } from '../invoices/invoice.entity';
import type { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import type { FirstPeriodBill } from './first-period-bill';
import { suiteInvoiceKey } from './suite-invoice-key';

/**
 * The invoice of a subscription's next period, issued (billed) at `now` as a provider's renewal
 * is: finalized at once, open until paid, due when the period starts.
 */
export function renewalInvoiceOf(
  subscription: ReaderSubscription,
  currency: string,
  bill: FirstPeriodBill,
  now: Date,
): Invoice {
  const id = randomUUID();
  return {
    tenantId: subscription.tenantId,
    providerInvoiceId: suiteInvoiceKey(id),
    id,
    subscriptionId: subscription.id,
    status: 'open',
    currency,
    amountDue: bill.amountDue.toString(),
    amountPaid: '0',
    tax: bill.vat.toString(),
    providerFee: '0',
    providerChargeId: null,
    providerBalanceTransactionId: null,
    periodStart: bill.periodStart,
    periodEnd: bill.periodEnd,
    dueDate: bill.periodStart,
    finalizedAt: now,
    paidAt: null,
    voidedAt: null,
    markedUncollectibleAt: null,
    paymentId: null,
    payPageUrl: null,
    tokenChargeAttemptedAt: null,
    proration: false,
    creditApplied: '0',
    recordedAt: now,
  };
}
