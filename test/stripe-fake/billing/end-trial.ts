import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { billNextPeriod } from './bill-next-period';

/**
 * Ends the trial now: customer.subscription.trial_will_end (Stripe sends it when a trial is
 * ended early), then the first paid period starts now and is billed.
 */
export function endTrial(
  account: StripeAccount,
  subscription: WireSubscription,
  paymentSucceeds: boolean,
  billingReason: Stripe.Invoice.BillingReason,
  request: Stripe.Event.Request,
): WireSubscription {
  if (subscription.status !== 'trialing')
    throw StripeApiError.invalidState(`Subscription ${subscription.id} is not trialing.`, 'trial_end');
  account.emit('customer.subscription.trial_will_end', subscription, request);
  billNextPeriod(account, subscription, { start: unixNow(), billingReason, paymentSucceeds, endsTrial: true }, request);
  return subscription;
}
