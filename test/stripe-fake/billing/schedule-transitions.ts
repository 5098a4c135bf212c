import Stripe from 'stripe';
import { planOfPrice } from '../objects/price';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { cancelSubscription } from './cancel-subscription';
import { endSchedule, openScheduleOf } from './open-schedule';
import { recordChange } from './record-change';
import { idOf, releaseSchedule } from './subscription-schedules';

/**
 * What the subscription's schedule does at `at`, the end of the period being renewed: each phase
 * ending by then gives way to the next one, whose items (prices, quantities), tax rates and
 * metadata become the subscription's (customer.subscription.updated, then
 * subscription_schedule.updated); when the last phase has ended, the schedule applies its
 * end_behavior: `release` (subscription_schedule.released; the subscription goes on as it is) or
 * `cancel` (subscription_schedule.completed, and the subscription ends). The fake's clock moves
 * only at renewals, so a phase boundary inside a period takes effect at the renewal after it,
 * without proration. Answers whether the subscription goes on.
 */
export function enterDuePhases(
  account: StripeAccount,
  subscription: WireSubscription,
  at: number,
  request: Stripe.Event.Request,
): 'continues' | 'ended' {
  for (
    let schedule = openScheduleOf(account, subscription);
    schedule?.current_phase && schedule.current_phase.end_date <= at;
    schedule = openScheduleOf(account, subscription)
  ) {
    const ending = schedule.current_phase;
    const next = schedule.phases.find((phase) => phase.start_date === ending.end_date);
    if (next) {
      enterPhase(account, subscription, schedule, next, request);
    } else if (schedule.end_behavior === 'cancel') {
      endSchedule(account, schedule, 'completed', ending.end_date, request);
      cancelSubscription(
        account,
        subscription,
        { endedAt: ending.end_date, reason: 'cancellation_requested' },
        request,
      );
      return 'ended';
    } else {
      releaseSchedule(account, schedule, ending.end_date, request);
    }
  }
  return 'continues';
}

function enterPhase(
  account: StripeAccount,
  subscription: WireSubscription,
  schedule: Stripe.SubscriptionSchedule,
  phase: Stripe.SubscriptionSchedule.Phase,
  request: Stripe.Event.Request,
): void {
  recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
    phase.items.forEach((planned, index) => {
      const item = sub.items.data[index];
      const price = account.get('price', idOf(planned.price)!);
      item.price = price;
      item.plan = planOfPrice(price);
      item.quantity = planned.quantity ?? 1;
    });
    if (phase.default_tax_rates && phase.default_tax_rates.length > 0) sub.default_tax_rates = phase.default_tax_rates;
    if (phase.metadata && Object.keys(phase.metadata).length > 0) sub.metadata = { ...sub.metadata, ...phase.metadata };
  });
  recordChange(account, schedule, 'subscription_schedule.updated', request, (s) => {
    s.current_phase = { start_date: phase.start_date, end_date: phase.end_date };
  });
}
