import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';
import { endTrial } from './end-trial';
import { collectInvoice, draftSubscriptionInvoice, finalizeInvoice } from './invoice-collection';
import { taxRatesByIds } from './line-taxes';
import { openScheduleOf } from './open-schedule';
import { prorationLines } from './proration';
import { recordChange } from './record-change';
import { applyItemChanges, planItemChanges } from './subscription-item-changes';
import { currentPeriod } from './subscription-periods';

export const PRORATION_BEHAVIORS = ['create_prorations', 'none', 'always_invoice'] as const;
const PAUSE_BEHAVIORS = ['keep_as_draft', 'mark_uncollectible', 'void'] as const;
const FEEDBACK = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;

/**
 * `POST /v1/subscriptions/:id`: metadata, cancel_at_period_end / cancel_at, pause_collection,
 * cancellation_details, items (price or quantity changes, additions, deletions) with
 * proration_behavior and proration_date, default_tax_rates (ids, or '' to clear) and
 * trial_end=now. Emits customer.subscription.updated when something changed; prorations wait
 * for the next invoice (create_prorations) or are invoiced and charged at once (always_invoice).
 * Invoices tax with the rates the subscription has when they are made. A subscription managed by
 * a schedule refuses changes to its cancellation (cancel_at_period_end, cancel_at), as Stripe does.
 */
export function changeSubscription(
  account: StripeAccount,
  subscriptionId: string,
  params: StripeParams,
  request: Stripe.Event.Request,
): WireSubscription {
  const subscription = account.get('subscription', subscriptionId);
  const now = unixNow();
  if (
    subscription.status === 'canceled' &&
    Object.keys(params.tree).some((key) => !['metadata', 'cancellation_details', 'expand'].includes(key))
  ) {
    throw StripeApiError.invalidState('A canceled subscription can only update its cancellation_details and metadata.');
  }
  const schedule = openScheduleOf(account, subscription);
  if (schedule && (params.raw('cancel_at_period_end') !== undefined || params.raw('cancel_at') !== undefined)) {
    throw StripeApiError.invalidState(
      `The subscription is managed by the subscription schedule \`${schedule.id}\`, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.`,
    );
  }
  const behavior = params.oneOf('proration_behavior', PRORATION_BEHAVIORS) ?? 'create_prorations';
  const prorationDate = params.integer('proration_date') ?? now;
  const changes = planItemChanges(account, subscription, params.list('items'));
  const prorations =
    behavior === 'none' || subscription.status === 'trialing'
      ? []
      : prorationLines(account, subscription, changes, prorationDate);
  const invoiceId = behavior === 'always_invoice' && prorations.length > 0 ? newStripeId('in_') : null;
  const pause = params.object('pause_collection');
  const details = params.object('cancellation_details');
  const trialEnd = params.string('trial_end');
  if (trialEnd !== undefined && trialEnd !== 'now')
    throw StripeApiError.parameterInvalid('trial_end', 'The fake Stripe supports trial_end=now only.');
  const taxRates =
    params.raw('default_tax_rates') === undefined
      ? undefined
      : taxRatesByIds(
          account,
          params.strings('default_tax_rates'),
          'default_tax_rates',
          subscription.default_tax_rates ?? [],
        );

  recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
    sub.metadata = params.mergeMetadata(sub.metadata);
    const cancelAtPeriodEnd = params.boolean('cancel_at_period_end');
    if (cancelAtPeriodEnd !== undefined) {
      sub.cancel_at_period_end = cancelAtPeriodEnd;
      sub.cancel_at = cancelAtPeriodEnd ? currentPeriod(sub).end : null;
      sub.canceled_at = cancelAtPeriodEnd ? now : null;
    }
    if (params.isCleared('cancel_at')) sub.cancel_at = null;
    const cancelAt = params.integer('cancel_at');
    if (cancelAt !== undefined) {
      sub.cancel_at = cancelAt;
      sub.canceled_at = now;
    }
    if (params.isCleared('pause_collection')) sub.pause_collection = null;
    if (pause)
      sub.pause_collection = {
        behavior: pause.oneOf('behavior', PAUSE_BEHAVIORS) ?? throwMissing(pause.pathOf('behavior')),
        resumes_at: pause.integer('resumes_at') ?? null,
      };
    if (details && sub.cancellation_details) {
      sub.cancellation_details.comment = details.string('comment') ?? sub.cancellation_details.comment;
      sub.cancellation_details.feedback = details.oneOf('feedback', FEEDBACK) ?? sub.cancellation_details.feedback;
    }
    if (params.has('description')) sub.description = params.string('description')!;
    if (params.has('default_payment_method')) sub.default_payment_method = params.string('default_payment_method')!;
    if (taxRates) sub.default_tax_rates = taxRates;
    applyItemChanges(sub, changes, now);
    if (invoiceId) sub.latest_invoice = invoiceId;
  });

  if (invoiceId) {
    const lines = prorations.map((line) => ({ ...line, invoice: invoiceId }));
    const invoice = draftSubscriptionInvoice(
      account,
      {
        id: invoiceId,
        subscription,
        billingReason: 'subscription_update',
        lines,
        period: { start: prorationDate, end: prorationDate },
      },
      request,
    );
    finalizeInvoice(account, invoice, request);
    collectInvoice(account, invoice, true, request);
  } else if (prorations.length > 0) {
    account.pendingInvoiceLines.set(subscription.id, [
      ...(account.pendingInvoiceLines.get(subscription.id) ?? []),
      ...prorations,
    ]);
  }
  if (trialEnd === 'now') endTrial(account, subscription, true, 'subscription_update', request);
  return subscription;
}

function throwMissing(param: string): never {
  throw StripeApiError.parameterMissing(param);
}
