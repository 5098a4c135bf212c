import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { WireInvoice } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';

/**
 * `POST /v1/invoices/:id/void`: an open or uncollectible invoice is cancelled for good
 * (`invoice.voided`); nothing remains to collect. The subscription keeps its status.
 */
export function voidInvoice(account: StripeAccount, invoice: WireInvoice, request: Stripe.Event.Request): WireInvoice {
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
    throw StripeApiError.invalidState(
      `You can only void an open or uncollectible invoice; this one is ${invoice.status ?? 'draft'}.`,
    );
  }
  invoice.status = 'void';
  invoice.status_transitions.voided_at = unixNow();
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.auto_advance = false;
  account.emit('invoice.voided', invoice, request);
  return invoice;
}

/**
 * `POST /v1/invoices/:id/mark_uncollectible`: an open invoice is written off as bad debt
 * (`invoice.marked_uncollectible`); it may still be paid or voided later.
 */
export function markInvoiceUncollectible(
  account: StripeAccount,
  invoice: WireInvoice,
  request: Stripe.Event.Request,
): WireInvoice {
  if (invoice.status !== 'open')
    throw StripeApiError.invalidState(
      `You can only mark an open invoice uncollectible; this one is ${invoice.status ?? 'draft'}.`,
    );
  invoice.status = 'uncollectible';
  invoice.status_transitions.marked_uncollectible_at = unixNow();
  invoice.next_payment_attempt = null;
  invoice.auto_advance = false;
  account.emit('invoice.marked_uncollectible', invoice, request);
  return invoice;
}
