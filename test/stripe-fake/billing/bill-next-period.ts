import Stripe from 'stripe';
import { WireInvoice, WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { newStripeId } from '../stripe-ids';
import { collectInvoice, draftSubscriptionInvoice, finalizeInvoice } from './invoice-collection';
import { periodLine } from './invoice-lines';
import { recordChange } from './record-change';
import { markInvoiceUncollectible, voidInvoice } from './write-off-invoice';
import { currentPeriod, periodFrom } from './subscription-periods';

export interface NextPeriod {
  start: number;
  billingReason: Stripe.Invoice.BillingReason;
  paymentSucceeds: boolean;
  endsTrial: boolean;
}

/**
 * Moves the subscription into its next period and bills it: invoice.created,
 * customer.subscription.updated (new period on the items, `latest_invoice`), invoice.finalized,
 * then the payment's events; a failed payment makes an active subscription past_due (a second
 * customer.subscription.updated). With `pause_collection` the invoice is kept as a draft,
 * voided or marked uncollectible instead of charged.
 */
export function billNextPeriod(
  account: StripeAccount,
  subscription: WireSubscription,
  next: NextPeriod,
  request: Stripe.Event.Request,
): WireInvoice {
  const closing = { start: currentPeriod(subscription).start, end: next.start };
  const anchor = next.endsTrial ? next.start : subscription.billing_cycle_anchor;
  const periods = subscription.items.data.map((item) => periodFrom(item, next.start, anchor));
  const invoiceId = newStripeId('in_');
  const lines = subscription.items.data.map((item, index) =>
    periodLine(account, subscription, item, periods[index], invoiceId, false),
  );
  const invoice = draftSubscriptionInvoice(
    account,
    { id: invoiceId, subscription, billingReason: next.billingReason, lines, period: closing },
    request,
  );

  const pause = subscription.pause_collection;
  recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
    sub.items.data.forEach((item, index) => {
      item.current_period_start = periods[index].start;
      item.current_period_end = periods[index].end;
    });
    sub.latest_invoice = invoiceId;
    if (next.endsTrial) {
      sub.status = 'active';
      sub.trial_end = next.start;
      sub.billing_cycle_anchor = next.start;
    }
    if (pause?.resumes_at && pause.resumes_at <= next.start) sub.pause_collection = null;
  });

  if (pause && subscription.pause_collection) {
    holdInvoice(account, invoice, pause.behavior, request);
    return invoice;
  }
  finalizeInvoice(account, invoice, request);
  collectInvoice(account, invoice, next.paymentSucceeds, request);
  if (!next.paymentSucceeds && subscription.status === 'active') {
    recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
      sub.status = 'past_due';
    });
  }
  return invoice;
}

function holdInvoice(
  account: StripeAccount,
  invoice: WireInvoice,
  behavior: Stripe.Subscription.PauseCollection.Behavior,
  request: Stripe.Event.Request,
): void {
  if (behavior === 'keep_as_draft') return;
  finalizeInvoice(account, invoice, request);
  if (behavior === 'void') voidInvoice(account, invoice, request);
  else markInvoiceUncollectible(account, invoice, request);
}
