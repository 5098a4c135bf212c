import type { InvoiceStatus } from '@libs/contracts';

/** What the suite recorded of an invoice it bills, and who bills its subscription. */
export interface BilledInvoice {
  status: InvoiceStatus;
  currency: string;
  amountDue: bigint;
  paymentId: string | null;
  billedBy: 'provider' | 'suite';
}

/** A payment that succeeded on a rail for an invoice (its purpose's reference). */
export interface ArrivedPayment {
  paymentId: string;
  currency: string;
  amount: bigint;
}

/**
 * `pay`: the invoice becomes paid and its subscription active for the invoice's period;
 * `already-paid`: this payment was applied before (nothing to do); `ignore`: nothing is changed,
 * for the reason given (to be warned about).
 */
export type InvoicePaymentSettlement = { kind: 'pay' } | { kind: 'already-paid' } | { kind: 'ignore'; reason: string };

/**
 * Decides what a succeeded payment does to the invoice it names. Only an open invoice the suite
 * bills is paid, and only by exactly its amount in its currency (payments never reports another
 * amount than asked; a difference means the reference names another invoice than the one asked
 * for). A payment seen again changes nothing.
 */
export function settleInvoiceByPayment(
  invoice: BilledInvoice | null,
  payment: ArrivedPayment,
): InvoicePaymentSettlement {
  if (!invoice) return { kind: 'ignore', reason: 'no invoice of the agency has that id' };
  if (invoice.billedBy !== 'suite') return { kind: 'ignore', reason: "the provider bills the invoice's subscription" };
  if (invoice.paymentId === payment.paymentId && invoice.status === 'paid') return { kind: 'already-paid' };
  if (invoice.status !== 'open')
    return {
      kind: 'ignore',
      reason: `the invoice is ${invoice.status}${invoice.paymentId ? ` by payment ${invoice.paymentId}` : ''}`,
    };
  if (invoice.currency !== payment.currency || invoice.amountDue !== payment.amount)
    return {
      kind: 'ignore',
      reason: `the payment is of ${payment.amount} ${payment.currency}, the invoice of ${invoice.amountDue} ${invoice.currency}`,
    };
  return { kind: 'pay' };
}
