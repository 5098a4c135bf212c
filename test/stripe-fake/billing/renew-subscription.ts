import Stripe from 'stripe';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { billNextPeriod } from './bill-next-period';
import { cancelSubscription } from './cancel-subscription';
import { enterDuePhases } from './schedule-transitions';
import { currentPeriod } from './subscription-periods';

const RENEWABLE = new Set(['active', 'trialing', 'past_due', 'unpaid']);

/**
 * The end of the current period: a schedule managing the subscription moves to its next phase
 * first (or ends, per its end_behavior); a subscription set to cancel then ends
 * (`customer.subscription.deleted`); otherwise it renews for one more interval and bills it, at
 * the prices it has now.
 */
export function renewSubscription(
  account: StripeAccount,
  subscriptionId: string,
  paymentSucceeds: boolean,
  request: Stripe.Event.Request,
): WireSubscription {
  const subscription = account.get('subscription', subscriptionId);
  if (!RENEWABLE.has(subscription.status))
    throw StripeApiError.invalidState(`A ${subscription.status} subscription does not renew: ${subscription.id}`);
  const period = currentPeriod(subscription);
  if (enterDuePhases(account, subscription, period.end, request) === 'ended') return subscription;
  if (subscription.cancel_at_period_end || (subscription.cancel_at !== null && subscription.cancel_at <= period.end)) {
    cancelSubscription(account, subscription, { endedAt: period.end, reason: 'cancellation_requested' }, request);
    return subscription;
  }
  billNextPeriod(
    account,
    subscription,
    {
      start: period.end,
      billingReason: 'subscription_cycle',
      paymentSucceeds,
      endsTrial: subscription.status === 'trialing',
    },
    request,
  );
  return subscription;
}
