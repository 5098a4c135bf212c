import { unixNow } from '../billing-calendar';
import { requireOpen } from '../billing/open-schedule';
import {
  cancelSchedule,
  releaseSchedule,
  scheduleFromSubscription,
  updateSchedule,
} from '../billing/subscription-schedules';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';

/** With `from_subscription`, Stripe takes no other settings: phases come with a second call. */
const NOT_WITH_FROM_SUBSCRIPTION = [
  'customer',
  'customer_account',
  'phases',
  'start_date',
  'end_behavior',
  'default_settings',
  'billing_mode',
  'pause_schedules',
];

export const subscriptionScheduleRoutes: Route[] = [
  route('POST', '/v1/subscription_schedules', ({ account, params, cause }) => {
    const subscriptionId = params.string('from_subscription');
    if (!subscriptionId) throw StripeApiError.parameterMissing('from_subscription');
    const mixed = NOT_WITH_FROM_SUBSCRIPTION.find((name) => params.raw(name) !== undefined);
    if (mixed)
      throw StripeApiError.parameterInvalid(
        mixed,
        `You cannot set \`${mixed}\` when creating a subscription schedule from_subscription; update the schedule afterwards.`,
      );
    return scheduleFromSubscription(account, subscriptionId, params.mergeMetadata({}), cause);
  }),
  route('GET', '/v1/subscription_schedules/:id', ({ account, path }) => account.get('subscription_schedule', path.id)),
  route('POST', '/v1/subscription_schedules/:id', ({ account, params, path, cause }) =>
    updateSchedule(account, path.id, params, cause),
  ),
  route('POST', '/v1/subscription_schedules/:id/release', ({ account, params, path, cause }) => {
    params.refuse(['preserve_cancel_date']);
    return releaseSchedule(
      account,
      requireOpen(account.get('subscription_schedule', path.id), 'release'),
      unixNow(),
      cause,
    );
  }),
  route('POST', '/v1/subscription_schedules/:id/cancel', ({ account, params, path, cause }) => {
    params.boolean('invoice_now');
    params.boolean('prorate');
    return cancelSchedule(account, requireOpen(account.get('subscription_schedule', path.id), 'cancel'), cause);
  }),
];
