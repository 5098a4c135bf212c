import { createMonthlyPlan, MonthlyPlan, startStripeWorld, StripeWorld } from './support/subscription-fixtures';

describe("an agency's Stripe request queue", () => {
  let world: StripeWorld;
  let plan: MonthlyPlan;

  beforeAll(async () => {
    // One request a second and one waiting per lane: a burst of checkouts overfills the interactive lane.
    world = await startStripeWorld({ STRIPE_MAX_REQUESTS_PER_S: '1', STRIPE_MAX_WAITING_REQUESTS: '1' });
    plan = await createMonthlyPlan(world.agency);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('answers 503 with Retry-After to a user whose Stripe request finds the queue full, and opens no checkout for it', async () => {
    const checkoutsBefore = world.fake.apiRequests(world.agency.stripeKey).filter(isCheckoutCreation).length;
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        world.agency.api.post('/v1/subscriptions/checkout-sessions', {
          planId: plan.planId,
          readerId: `queue-reader-${i}`,
          successUrl: 'https://tinnhanh.vn/cam-on',
          cancelUrl: 'https://tinnhanh.vn/goi-cuoc',
        }),
      ),
    );
    const refused = responses.filter((r) => r.status === 503);
    const opened = responses.filter((r) => r.status === 201);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + opened.length).toBe(responses.length);
    for (const response of refused) {
      expect(response.body).toMatchObject({
        status: 503,
        type: expect.stringMatching(/unavailable$/),
        detail: expect.stringMatching(/^Stripe request queue full/),
      });
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const checkoutsAfter = world.fake.apiRequests(world.agency.stripeKey).filter(isCheckoutCreation).length;
    expect(checkoutsAfter - checkoutsBefore).toBe(opened.length);
  });
});

function isCheckoutCreation(request: { method: string; path: string }): boolean {
  return request.method === 'POST' && request.path === '/v1/checkout/sessions';
}
