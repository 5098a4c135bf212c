import { openCheckoutSession } from '../billing/open-checkout-session';
import { recordChange } from '../billing/record-change';
import { createdFilter } from '../created-filter';
import { listPage } from '../list-page';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';

export const checkoutSessionRoutes: Route[] = [
  route('POST', '/v1/checkout/sessions', ({ account, params }) => openCheckoutSession(account, params)),
  route('GET', '/v1/checkout/sessions/:id', ({ account, path }) => account.get('checkout.session', path.id)),
  route('GET', '/v1/checkout/sessions/:id/line_items', ({ account, params, path, url }) => {
    account.get('checkout.session', path.id);
    return listPage(account.checkoutRequests.get(path.id)?.lineItems ?? [], params, url);
  }),
  route('POST', '/v1/checkout/sessions/:id/expire', ({ account, path, cause }) => {
    const session = account.get('checkout.session', path.id);
    if (session.status !== 'open')
      throw StripeApiError.invalidState(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      );
    recordChange(account, session, 'checkout.session.expired', cause, (expired) => {
      expired.status = 'expired';
      expired.url = null;
    });
    return session;
  }),
  route('GET', '/v1/checkout/sessions', ({ account, params, url }) => {
    const customer = params.string('customer');
    const subscription = params.string('subscription');
    const status = params.string('status');
    const created = createdFilter(params);
    const sessions = account
      .list('checkout.session')
      .filter(
        (session) =>
          (!customer || session.customer === customer) &&
          (!subscription || session.subscription === subscription) &&
          (!status || session.status === status) &&
          created(session),
      );
    return listPage(sessions, params, url);
  }),
];
