import { unixNow } from '../billing-calendar';
import { cancelSubscription } from '../billing/cancel-subscription';
import { changeSubscription } from '../billing/change-subscription';
import { pauseSubscription, resumeSubscription } from '../billing/pause-subscription';
import { createdFilter } from '../created-filter';
import { listPage } from '../list-page';
import { route, Route } from '../router';

const ENDED = new Set(['canceled', 'incomplete_expired']);
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

export const subscriptionRoutes: Route[] = [
  route('GET', '/v1/subscriptions/:id', ({ account, path }) => account.get('subscription', path.id)),
  route('POST', '/v1/subscriptions/:id', ({ account, params, path, cause }) =>
    changeSubscription(account, path.id, params, cause),
  ),
  route('DELETE', '/v1/subscriptions/:id', ({ account, params, path, cause }) => {
    const subscription = account.get('subscription', path.id);
    const details = params.object('cancellation_details');
    cancelSubscription(
      account,
      subscription,
      {
        endedAt: unixNow(),
        reason: 'cancellation_requested',
        comment: details?.string('comment') ?? null,
        feedback: details?.oneOf('feedback', FEEDBACK) ?? null,
      },
      cause,
    );
    return subscription;
  }),
  route('POST', '/v1/subscriptions/:id/pause', ({ account, path, cause }) =>
    pauseSubscription(account, account.get('subscription', path.id), cause),
  ),
  route('POST', '/v1/subscriptions/:id/resume', ({ account, path, cause }) =>
    resumeSubscription(account, account.get('subscription', path.id), cause),
  ),
  route('GET', '/v1/subscriptions', ({ account, params, url }) => {
    const customer = params.string('customer');
    const price = params.string('price') ?? params.string('plan');
    const status = params.string('status');
    const created = createdFilter(params);
    const subscriptions = account
      .list('subscription')
      .filter(
        (sub) =>
          (!customer || sub.customer === customer) &&
          (!price || sub.items.data.some((item) => item.price.id === price)) &&
          (status === 'all' ||
            (status === 'ended'
              ? ENDED.has(sub.status)
              : status
                ? sub.status === status
                : sub.status !== 'canceled')) &&
          created(sub),
      );
    return listPage(subscriptions, params, url);
  }),
];
