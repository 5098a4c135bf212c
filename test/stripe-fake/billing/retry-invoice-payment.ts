import Stripe from 'stripe';
import { WireInvoice } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { collectInvoice } from './invoice-collection';
import { recordChange } from './record-change';

const UNPAID_STATUSES = new Set(['past_due', 'incomplete', 'unpaid']);

/** The open invoice a retry is about: the invoice itself, or a subscription's latest invoice. */
export function openInvoiceOf(account: StripeAccount, id: string): WireInvoice {
  const invoiceId = id.startsWith('sub_') ? (account.get('subscription', id).latest_invoice as string | null) : id;
  const invoice = invoiceId ? account.get('invoice', invoiceId) : undefined;
  if (!invoice || invoice.status !== 'open')
    throw StripeApiError.invalidState(`${id} has no open invoice to collect (latest: ${invoice?.status ?? 'none'}).`);
  return invoice;
}

/**
 * Another payment attempt on an open invoice (Stripe's smart retries, or the customer updating
 * their card). Success makes a past_due/incomplete subscription active again; failure makes an
 * active one past_due. Each status change is a customer.subscription.updated.
 */
export function retryInvoicePayment(
  account: StripeAccount,
  id: string,
  succeeds: boolean,
  request: Stripe.Event.Request,
): WireInvoice {
  const invoice = openInvoiceOf(account, id);
  collectInvoice(account, invoice, succeeds, request);
  const subscriptionRef = invoice.parent?.subscription_details?.subscription;
  const subscription = subscriptionRef
    ? account.find('subscription', typeof subscriptionRef === 'string' ? subscriptionRef : subscriptionRef.id)
    : undefined;
  if (!subscription) return invoice;
  const next = succeeds
    ? UNPAID_STATUSES.has(subscription.status)
      ? 'active'
      : null
    : subscription.status === 'active'
      ? 'past_due'
      : null;
  if (next) {
    recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
      sub.status = next;
    });
  }
  return invoice;
}
