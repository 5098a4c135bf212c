import Stripe from 'stripe';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { recordChange } from './record-change';

const OPEN = new Set(['not_started', 'active']);

export function isOpen(schedule: Stripe.SubscriptionSchedule): boolean {
  return OPEN.has(schedule.status);
}

/** The schedule, if it may still change: Stripe refuses to release, cancel or update an ended one. */
export function requireOpen(
  schedule: Stripe.SubscriptionSchedule,
  action: 'release' | 'cancel' | 'update',
): Stripe.SubscriptionSchedule {
  if (!isOpen(schedule)) {
    throw StripeApiError.invalidState(
      `You cannot ${action} a subscription schedule that is currently in the \`${schedule.status}\` status. It must be in one of the following statuses: \`not_started\`, \`active\`.`,
    );
  }
  return schedule;
}

/** The not yet ended schedule managing the subscription, if any. */
export function openScheduleOf(
  account: StripeAccount,
  subscription: WireSubscription,
): Stripe.SubscriptionSchedule | undefined {
  const id = typeof subscription.schedule === 'string' ? subscription.schedule : subscription.schedule?.id;
  const schedule = id ? account.find('subscription_schedule', id) : undefined;
  return schedule && isOpen(schedule) ? schedule : undefined;
}

/** A schedule ends with its subscription: `canceled` when the subscription is cancelled, `completed` by end_behavior=cancel. */
export function endSchedule(
  account: StripeAccount,
  schedule: Stripe.SubscriptionSchedule,
  status: 'canceled' | 'completed',
  at: number,
  request: Stripe.Event.Request,
): void {
  recordChange(
    account,
    schedule,
    status === 'canceled' ? 'subscription_schedule.canceled' : 'subscription_schedule.completed',
    request,
    (s) => {
      s.status = status;
      if (status === 'canceled') s.canceled_at = at;
      else s.completed_at = at;
      s.current_phase = null;
    },
  );
}
