import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { endSchedule, openScheduleOf } from './open-schedule';

export interface Cancellation {
  endedAt: number;
  reason: Stripe.Subscription.CancellationDetails.Reason;
  comment?: string | null;
  feedback?: Stripe.Subscription.CancellationDetails.Feedback | null;
}

/**
 * Ends the subscription for good (`customer.subscription.deleted`); pending prorations are dropped,
 * and a schedule still managing it is canceled with it (subscription_schedule.canceled).
 */
export function cancelSubscription(
  account: StripeAccount,
  subscription: WireSubscription,
  cancellation: Cancellation,
  request: Stripe.Event.Request,
): void {
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw StripeApiError.invalidState(`This subscription is already canceled: ${subscription.id}`, 'subscription');
  }
  subscription.status = 'canceled';
  subscription.canceled_at ??= unixNow();
  subscription.ended_at = cancellation.endedAt;
  subscription.cancellation_details = {
    comment: cancellation.comment ?? subscription.cancellation_details?.comment ?? null,
    feedback: cancellation.feedback ?? subscription.cancellation_details?.feedback ?? null,
    feedback_option: null,
    reason: cancellation.reason,
  };
  account.pendingInvoiceLines.delete(subscription.id);
  account.emit('customer.subscription.deleted', subscription, request);
  const schedule = openScheduleOf(account, subscription);
  if (schedule) endSchedule(account, schedule, 'canceled', cancellation.endedAt, request);
}
