import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { recordChange } from './record-change';

const PAUSABLE = new Set(['active', 'trialing', 'past_due']);

/** Puts the subscription in the `paused` status: customer.subscription.paused, then .updated. */
export function pauseSubscription(
  account: StripeAccount,
  subscription: WireSubscription,
  request: Stripe.Event.Request,
): WireSubscription {
  if (!PAUSABLE.has(subscription.status))
    throw StripeApiError.invalidState(`A ${subscription.status} subscription cannot be paused: ${subscription.id}`);
  const event = recordChange(account, subscription, 'customer.subscription.paused', request, (sub) => {
    sub.status = 'paused';
    sub.status_details = {
      paused: { subscription: { type: 'pause_requested' }, transitioned_at: unixNow(), type: 'subscription' },
    };
  });
  account.emit('customer.subscription.updated', subscription, request, event?.data.previous_attributes ?? {});
  return subscription;
}

/** Takes a paused subscription back to `active`: customer.subscription.resumed, then .updated. */
export function resumeSubscription(
  account: StripeAccount,
  subscription: WireSubscription,
  request: Stripe.Event.Request,
): WireSubscription {
  if (subscription.status !== 'paused')
    throw StripeApiError.invalidState(`Subscription ${subscription.id} is not paused.`);
  const event = recordChange(account, subscription, 'customer.subscription.resumed', request, (sub) => {
    sub.status = 'active';
    delete sub.status_details;
  });
  account.emit('customer.subscription.updated', subscription, request, event?.data.previous_attributes ?? {});
  return subscription;
}
