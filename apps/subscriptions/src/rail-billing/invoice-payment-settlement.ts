import type { InvoiceStatus } from '@libs/contracts';

/** What the suite recorded of an invoice it bills, and who bills its subscription. */
export interface BilledInvoice {
  status: InvoiceStatus;
  currency: string;
  amountDue: bigint;
  paymentId: string | null;
  billedBy: 'provider' | 'suite';
  /** A renewal (billed when issued, for the period after the last); else the first period (billed once paid). */
  renewal: boolean;
}

/** A payment that succeeded on a rail for an invoice (its purpose's reference). */
export interface ArrivedPayment {
  paymentId: string;
  currency: string;
  amount: bigint;
}

/**
 * `pay`: the invoice becomes paid and its subscription active, for a period from the payment (a
 * first period: the reader loses none of it by paying late) or for the invoice's period (a
 * renewal: it continues from the end of the last, also when paid during grace);
 * `already-paid`: this payment was applied before (nothing to do); `hold`: the invoice was ended
 * unpaid (a lapse or a cancellation voided it) before the money came: nothing is applied, the
 * payment is recorded for staff to refund; `ignore`: nothing is changed, for the reason given.
 * Either of the last two leaves the payment unapplied (the payer's money, for staff to refund).
 */
export type InvoicePaymentSettlement =
  | { kind: 'pay'; period: 'from-payment' | 'as-invoiced' }
  | { kind: 'already-paid' }
  | { kind: 'hold'; reason: string }
  | { kind: 'ignore'; reason: string };

/**
 * Decides what a succeeded payment does to the invoice it names. Only an open invoice the suite
 * bills is paid, and only by exactly its amount in its currency (payments never reports another
 * amount than asked; a difference means the reference names another invoice than the one asked
 * for). A payment seen again changes nothing; money for an invoice ended unpaid is never applied
 * silently, nor lost: it is held.
 */
export function settleInvoiceByPayment(
  invoice: BilledInvoice | null,
  payment: ArrivedPayment,
): InvoicePaymentSettlement {
  if (!invoice) return { kind: 'ignore', reason: 'no invoice of the agency has that id' };
  if (invoice.billedBy !== 'suite') return { kind: 'ignore', reason: "the provider bills the invoice's subscription" };
  if (invoice.paymentId === payment.paymentId && invoice.status === 'paid') return { kind: 'already-paid' };
  if (invoice.status === 'void' || invoice.status === 'uncollectible')
    return { kind: 'hold', reason: `the invoice is ${invoice.status}: the money is held for a refund` };
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
  return { kind: 'pay', period: invoice.renewal ? 'as-invoiced' : 'from-payment' };
}
