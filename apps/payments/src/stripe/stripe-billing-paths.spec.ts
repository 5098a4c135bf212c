import { isStripeBillingRequest } from './stripe-billing-paths';

describe('isStripeBillingRequest', () => {
  it.each([
    ['POST', '/v1/customers', true],
    ['GET', '/v1/subscriptions/sub_1?expand[]=schedule', true],
    ['DELETE', '/v1/subscriptions/sub_1', true],
    ['POST', '/v1/subscription_schedules/sub_sched_1/release', true],
    ['POST', '/v1/invoices/in_1/pay', true],
    ['GET', '/v1/balance_transactions?limit=100', true],
    ['GET', '/v1/payouts?limit=100', true],
    ['POST', '/v1/checkout/sessions', true],
    ['POST', '/v1/billing_portal/sessions', true],
    // Money out of the account, or the account itself: never.
    ['POST', '/v1/payouts', false],
    ['POST', '/v1/transfers', false],
    ['POST', '/v1/webhook_endpoints', false],
    ['GET', '/v1/accounts', false],
    ['POST', '/v1/balance_transactions', false],
    // Paths that could reach somewhere else than they say.
    ['GET', '/v1/customers/../transfers', false],
    ['GET', '/v1//transfers', false],
    ['GET', '/v2/core/events', false],
    ['GET', '/v1', false],
    ['GET', 'v1/customers', false],
  ])('%s %s → %s', (method, path, allowed) => {
    expect(isStripeBillingRequest(method, path)).toBe(allowed);
  });
});
