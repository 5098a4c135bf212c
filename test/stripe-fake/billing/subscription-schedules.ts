import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildSchedulePhase, buildSubscriptionSchedule } from '../objects/subscription-schedule';
import { WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';
import { cancelSubscription } from './cancel-subscription';
import { endSchedule, requireOpen } from './open-schedule';
import { recordChange } from './record-change';
import { planSchedulePhases } from './schedule-phases';
import { currentPeriod } from './subscription-periods';

const END_BEHAVIORS = ['release', 'cancel'] as const;
const ENDED = new Set(['canceled', 'incomplete_expired']);

/**
 * `POST /v1/subscription_schedules` with `from_subscription`: an `active` schedule of one phase,
 * the subscription's current period with its items, ending by `release`
 * (subscription_schedule.created, then customer.subscription.updated for its `schedule`).
 */
export function scheduleFromSubscription(
  account: StripeAccount,
  subscriptionId: string,
  metadata: Stripe.Metadata,
  request: Stripe.Event.Request,
): Stripe.SubscriptionSchedule {
  const subscription = account.get('subscription', subscriptionId, 'from_subscription');
  if (ENDED.has(subscription.status))
    throw StripeApiError.invalidState(
      `You cannot migrate a ${subscription.status} subscription: ${subscription.id}`,
      'from_subscription',
    );
  if (subscription.schedule) {
    throw StripeApiError.invalidState(
      `You cannot migrate a subscription that is already attached to a schedule: \`${idOf(subscription.schedule)}\`.`,
      'from_subscription',
    );
  }
  const period = currentPeriod(subscription);
  const phase = buildSchedulePhase({
    start: period.start,
    end: period.end,
    currency: subscription.currency,
    items: subscription.items.data.map((item) => ({ price: item.price.id, quantity: item.quantity ?? 1 })),
    defaultTaxRates: subscription.default_tax_rates ?? [],
    prorationBehavior: 'create_prorations',
    metadata: {},
  });
  const schedule = account.insert(
    buildSubscriptionSchedule({
      id: newStripeId('sub_sched_'),
      created: unixNow(),
      subscription,
      phases: [phase],
      metadata,
    }),
  );
  account.emit('subscription_schedule.created', schedule, request);
  recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
    sub.schedule = schedule.id;
  });
  return schedule;
}

/**
 * `POST /v1/subscription_schedules/:id`: phases, end_behavior, metadata
 * (subscription_schedule.updated). The phase under way must keep its start and the
 * subscription's items: the fake schedules changes for later phases only.
 */
export function updateSchedule(
  account: StripeAccount,
  scheduleId: string,
  params: StripeParams,
  request: Stripe.Event.Request,
): Stripe.SubscriptionSchedule {
  const schedule = requireOpen(account.get('subscription_schedule', scheduleId), 'update');
  params.refuse(['default_settings', 'pause_schedules']);
  const subscription = account.get('subscription', idOf(schedule.subscription)!);
  const endBehavior = params.oneOf('end_behavior', END_BEHAVIORS);
  const phases =
    params.raw('phases') === undefined ? undefined : planSchedulePhases(account, subscription, params.list('phases'));
  const current = phases && currentPhaseIn(schedule, subscription, phases);
  recordChange(account, schedule, 'subscription_schedule.updated', request, (s) => {
    if (endBehavior) s.end_behavior = endBehavior;
    s.metadata = params.mergeMetadata(s.metadata ?? {});
    if (phases && current) {
      s.phases = phases;
      s.current_phase = { start_date: current.start_date, end_date: current.end_date };
    }
  });
  return schedule;
}

/**
 * Releases the schedule: it stops managing the subscription, which goes on as it is
 * (subscription_schedule.released, then customer.subscription.updated for its `schedule`).
 */
export function releaseSchedule(
  account: StripeAccount,
  schedule: Stripe.SubscriptionSchedule,
  at: number,
  request: Stripe.Event.Request,
): Stripe.SubscriptionSchedule {
  const subscriptionId = idOf(schedule.subscription);
  recordChange(account, schedule, 'subscription_schedule.released', request, (s) => {
    s.status = 'released';
    s.released_at = at;
    s.released_subscription = subscriptionId;
    s.subscription = null;
    s.current_phase = null;
  });
  const subscription = subscriptionId ? account.find('subscription', subscriptionId) : undefined;
  if (subscription) {
    recordChange(account, subscription, 'customer.subscription.updated', request, (sub) => {
      sub.schedule = null;
    });
  }
  return schedule;
}

/**
 * `POST /v1/subscription_schedules/:id/cancel`: the schedule and its subscription end now
 * (subscription_schedule.canceled, customer.subscription.deleted). As with the fake's subscription
 * cancel, no final invoice or proration credit is made.
 */
export function cancelSchedule(
  account: StripeAccount,
  schedule: Stripe.SubscriptionSchedule,
  request: Stripe.Event.Request,
): Stripe.SubscriptionSchedule {
  const subscription = account.get('subscription', idOf(schedule.subscription)!);
  const now = unixNow();
  endSchedule(account, schedule, 'canceled', now, request);
  cancelSubscription(account, subscription, { endedAt: now, reason: 'cancellation_requested' }, request);
  return schedule;
}

/** The phase under way after an update: the one starting where the current one starts, with the subscription's items. */
function currentPhaseIn(
  schedule: Stripe.SubscriptionSchedule,
  subscription: WireSubscription,
  phases: Stripe.SubscriptionSchedule.Phase[],
): Stripe.SubscriptionSchedule.Phase {
  const start = schedule.current_phase?.start_date;
  const current = phases.find((phase) => phase.start_date === start);
  if (!current)
    throw StripeApiError.parameterInvalid(
      'phases[0][start_date]',
      'You can not modify the start date of the current phase.',
    );
  const unchanged = current.items.every((item, index) => {
    const existing = subscription.items.data[index];
    return idOf(item.price) === existing.price.id && (item.quantity ?? 1) === (existing.quantity ?? 1);
  });
  if (!unchanged) {
    throw StripeApiError.parameterInvalid(
      `phases[${phases.indexOf(current)}][items]`,
      "The fake Stripe does not change the current phase's items; schedule the change in a later phase.",
    );
  }
  return current;
}

export function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}
