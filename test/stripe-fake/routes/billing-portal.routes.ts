import { unixNow } from '../billing-calendar';
import { buildBillingPortalSession } from '../objects/billing-portal-session';
import { route, Route } from '../router';
import { newStripeId } from '../stripe-ids';

export const billingPortalRoutes: Route[] = [
  route('POST', '/v1/billing_portal/sessions', ({ account, params, cause }) => {
    params.refuse(['flow_data', 'customer_account']);
    const customer = account.get('customer', params.requiredString('customer'), 'customer');
    const id = newStripeId('bps_');
    const session = account.insert(
      buildBillingPortalSession({
        id,
        created: unixNow(),
        customer: customer.id,
        returnUrl: params.string('return_url') ?? null,
        url: `${account.baseUrl}/portal/${id}`,
        configuration: params.string('configuration') ?? 'bpc_fake_default',
      }),
    );
    account.emit('billing_portal.session.created', session, cause);
    return session;
  }),
];
