import Stripe from 'stripe';
import { WireInvoice } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { cardDeclines } from './card-payments';
import { retryInvoicePayment } from './retry-invoice-payment';

/**
 * `POST /v1/invoices/:id/pay`: one attempt to collect an open invoice with the card on file, out
 * of the automatic schedule. The card's state decides (see `cardDeclines`). The attempt emits
 * what Stripe's own attempts emit (`invoice.payment_failed` with `attempt_count` incremented, or
 * `invoice.paid` and `invoice.payment_succeeded`, and the subscription's status change); a decline
 * then answers 402 `card_error` naming the failed charge.
 */
export function payInvoice(account: StripeAccount, invoiceId: string, request: Stripe.Event.Request): WireInvoice {
  const invoice = account.get('invoice', invoiceId);
  if (invoice.status === 'paid') throw StripeApiError.invalidState('Invoice is already paid');
  if (invoice.status !== 'open')
    throw StripeApiError.invalidState(
      `This invoice is ${invoice.status ?? 'draft'}; only an open invoice can be paid.`,
    );
  const succeeds = !cardDeclines(account, invoice);
  retryInvoicePayment(account, invoiceId, succeeds, request);
  if (!succeeds) {
    const payment = account.list('invoice_payment').find((p) => p.invoice === invoice.id);
    const intent = payment ? account.get('payment_intent', payment.payment.payment_intent as string) : undefined;
    throw StripeApiError.cardDeclined(intent?.latest_charge as string);
  }
  return invoice;
}
