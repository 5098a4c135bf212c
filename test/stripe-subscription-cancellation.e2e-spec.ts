import { eventually } from '@libs/testing';
import { FakeStripe } from './stripe-fake';
import {
  createMonthlyPlan,
  MonthlyPlan,
  openCheckout,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

interface SubscriptionView {
  id: string;
  status: string;
  cancelAtPeriodEnd: boolean;
}

/** `POST /v1/subscriptions/subscriptions/{id}/cancel` on a subscription Stripe bills: Stripe does it, the suite follows. */
describe('cancelling a Stripe-billed subscription', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let agency: StripeLinkedAgency;
  let monthly: MonthlyPlan;
  let readers = 0;

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, agency } = world);
    monthly = await createMonthlyPlan(agency);
  });

  afterAll(() => world?.close());

  async function subscribed(): Promise<{ readerId: string; subscription: SubscriptionView; providerId: string }> {
    const readerId = `cancel-${++readers}`;
    const session = await openCheckout(agency, monthly.planId, { readerId, email: `${readerId}@example.vn` });
    const completed = await fake.completeCheckout(session);
    const subscription = await eventually(async () => {
      const [found] = (
        await agency.api.get<{ items: SubscriptionView[] }>(`/v1/subscriptions/subscriptions?readerId=${readerId}`)
      ).body.items;
      expect(found?.status).toBe('active');
      return found;
    });
    return { readerId, subscription, providerId: String(completed.object.subscription) };
  }

  const current = async (id: string) =>
    (await agency.api.get<SubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;

  it('at period end: Stripe is told, access stays, the subscription says it will end', async () => {
    const { subscription, providerId } = await subscribed();
    const answer = await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, {
      atPeriodEnd: true,
    });
    expect(answer.status).toBe(200);
    const remote = await fake.sdk(agency.stripeKey).subscriptions.retrieve(providerId);
    expect(remote.cancel_at_period_end).toBe(true);
    await eventually(async () =>
      expect(await current(subscription.id)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true }),
    );
  });

  it('resumes a cancellation at period end: Stripe is told cancel_at_period_end=false; refused (409) when not set to cancel or ended', async () => {
    const { subscription, providerId } = await subscribed();
    const resume = () => agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/resume`, {});
    expect((await resume()).status).toBe(409);
    const cancelled = await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, {
      atPeriodEnd: true,
    });
    expect(cancelled.status).toBe(200);
    const resumed = await resume();
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
    expect((await fake.sdk(agency.stripeKey).subscriptions.retrieve(providerId)).cancel_at_period_end).toBe(false);
    await eventually(async () =>
      expect(await current(subscription.id)).toMatchObject({ status: 'active', cancelAtPeriodEnd: false }),
    );
    expect((await resume()).status).toBe(409);
    await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, { atPeriodEnd: false });
    await eventually(async () => expect((await current(subscription.id)).status).toBe('canceled'));
    expect((await resume()).status).toBe(409);
  });

  it('now: Stripe cancels it and the suite follows', async () => {
    const { subscription, providerId } = await subscribed();
    const answer = await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, {
      atPeriodEnd: false,
    });
    expect(answer.status).toBe(200);
    expect((await fake.sdk(agency.stripeKey).subscriptions.retrieve(providerId)).status).toBe('canceled');
    await eventually(async () => expect((await current(subscription.id)).status).toBe('canceled'));
  });

  it('refuses a body without atPeriodEnd, naming it, and changes nothing', async () => {
    const { subscription, providerId } = await subscribed();
    const answer = await agency.api.post<{ errors?: { field: string }[] }>(
      `/v1/subscriptions/subscriptions/${subscription.id}/cancel`,
      {},
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field)).toContain('atPeriodEnd');
    expect((await fake.sdk(agency.stripeKey).subscriptions.retrieve(providerId)).cancel_at_period_end).toBe(false);
  });
});
