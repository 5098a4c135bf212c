import type { RenewalPaymentRequestedEvent } from '@libs/contracts';
import type { Invoice } from '../invoices/invoice.entity';
import type { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';

/** What the agency's mailer is told to send: the renewal's amount, due date and pay link. */
export function renewalPaymentRequested(
  subscription: ReaderSubscription,
  invoice: Invoice,
  payPageUrl: string,
  reminder: number,
): RenewalPaymentRequestedEvent {
  return {
    subscriptionId: subscription.id,
    invoiceId: invoice.id,
    planId: subscription.planId,
    readerKey: subscription.readerKey,
    email: emailOf(subscription.readerKey),
    amount: invoice.amountDue,
    currency: invoice.currency,
    dueDate: (invoice.dueDate ?? invoice.periodStart).toISOString(),
    servicePeriodStart: invoice.periodStart.toISOString(),
    servicePeriodEnd: invoice.periodEnd.toISOString(),
    payPageUrl,
    reminder,
  };
}

/** The reader's address, when the reader key is one (`email:<address>`). */
export function emailOf(readerKey: string): string | null {
  return readerKey.startsWith('email:') ? readerKey.slice('email:'.length) : null;
}
