import Stripe from 'stripe';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { newStripeId } from '../stripe-ids';
import { recordChange } from './record-change';

/**
 * The customer saves a new card for the subscription (in the billing portal, say): a new payment
 * method becomes its default (`customer.subscription.updated`). Nothing is charged now. With
 * `declines`, the new card is one whose charges are declined.
 */
export function replaceCard(
  account: StripeAccount,
  subscription: WireSubscription,
  declines: boolean,
  request: Stripe.Event.Request,
): WireSubscription {
  const paymentMethod = newStripeId('pm_');
  if (declines) account.decliningPaymentMethods.add(paymentMethod);
  recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
    sub.default_payment_method = paymentMethod;
  });
  return subscription;
}
