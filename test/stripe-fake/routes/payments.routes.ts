import { refundCharge } from '../billing/refund-charge';
import { createdFilter } from '../created-filter';
import { listPage } from '../list-page';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';

const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

export const paymentRoutes: Route[] = [
  route('GET', '/v1/charges/:id', ({ account, path }) => account.get('charge', path.id)),
  route('GET', '/v1/charges', ({ account, params, url }) => {
    const customer = params.string('customer');
    const paymentIntent = params.string('payment_intent');
    return listPage(
      account
        .list('charge')
        .filter(
          (charge) =>
            (!customer || charge.customer === customer) && (!paymentIntent || charge.payment_intent === paymentIntent),
        ),
      params,
      url,
    );
  }),
  route('GET', '/v1/payment_intents/:id', ({ account, path }) => account.get('payment_intent', path.id)),
  route('POST', '/v1/refunds', ({ account, params, cause }) => {
    const chargeId = params.string('charge');
    const paymentIntentId = params.string('payment_intent');
    if (chargeId && paymentIntentId) throw StripeApiError.parametersExclusive(['charge', 'payment_intent']);
    const resolved =
      chargeId ??
      (paymentIntentId &&
        (account.get('payment_intent', paymentIntentId, 'payment_intent').latest_charge as string | null));
    if (!resolved) throw StripeApiError.parameterMissing('charge');
    return refundCharge(
      account,
      resolved,
      {
        amount: params.integer('amount'),
        reason: params.oneOf('reason', REFUND_REASONS),
        metadata: params.mergeMetadata({}),
      },
      cause,
      chargeId ? 'charge' : 'payment_intent',
    );
  }),
  route('GET', '/v1/refunds/:id', ({ account, path }) => account.get('refund', path.id)),
  route('GET', '/v1/refunds', ({ account, params, url }) => {
    const charge = params.string('charge');
    const created = createdFilter(params);
    return listPage(
      account.list('refund').filter((refund) => (!charge || refund.charge === charge) && created(refund)),
      params,
      url,
    );
  }),
  route('GET', '/v1/disputes/:id', ({ account, path }) => account.get('dispute', path.id)),
  route('GET', '/v1/disputes', ({ account, params, url }) => {
    const charge = params.string('charge');
    const created = createdFilter(params);
    return listPage(
      account.list('dispute').filter((dispute) => (!charge || dispute.charge === charge) && created(dispute)),
      params,
      url,
    );
  }),
];
