import { DataSource } from 'typeorm';
import { InvoicePaidEvent, SubscriptionChangedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeStripe } from './stripe-fake';
import { JetStreamProbe } from './support/jetstream';
import {
  createMonthlyPlan,
  MonthlyPlan,
  openCheckout,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

interface SubscriptionView {
  id: string;
  status: string;
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
}
interface Grant {
  key: string;
  until: string;
  reason: string;
}

describe('subscription lifecycle from Stripe webhooks', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let monthly: MonthlyPlan;
  let withTrial: MonthlyPlan;
  let readers = 0;

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, suite, probe, agency } = world);
    monthly = await createMonthlyPlan(agency);
    withTrial = await createMonthlyPlan(agency, { name: 'Dùng thử 14 ngày', trialDays: 14 });
  });

  afterAll(() => world?.close());

  /** A new reader subscribes; answers their reader id and the provider's subscription id. */
  async function subscribe(
    plan: MonthlyPlan,
    paymentSucceeds = true,
  ): Promise<{ readerId: string; providerId: string }> {
    const readerId = `lifecycle-${++readers}`;
    const session = await openCheckout(agency, plan.planId, { readerId, email: `${readerId}@example.vn` });
    const completed = await fake.completeCheckout(session, { paymentSucceeds });
    return { readerId, providerId: String(completed.object.subscription) };
  }

  const subscriptionOf = async (readerId: string) =>
    (await agency.api.get<{ items: SubscriptionView[] }>(`/v1/subscriptions/subscriptions?readerId=${readerId}`)).body
      .items[0];
  const grantsOf = async (readerId: string) =>
    (await agency.api.get<{ entitlements: Grant[] }>(`/v1/subscriptions/entitlements?readerId=${readerId}`)).body
      .entitlements;

  async function expectState(readerId: string, status: string, reason: string | null): Promise<void> {
    await eventually(async () => {
      expect((await subscriptionOf(readerId))?.status).toBe(status);
      const grants = await grantsOf(readerId);
      if (reason === null) expect(grants).toEqual([]);
      else expect(grants.map((g) => g.reason)).toEqual([reason, reason]);
    });
  }

  it('1. starts a trial with access, then bills when the trial ends', async () => {
    const { readerId, providerId } = await subscribe(withTrial);
    await expectState(readerId, 'trialing', 'trialing');
    const paidBefore = (await probe.published('evt.subscriptions.invoice.paid.v1')).length;
    await fake.endTrial(providerId);
    await expectState(readerId, 'active', 'active');
    await eventually(async () => {
      const paid = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
      expect(paid.length).toBe(paidBefore + 1);
      expect(paid[paid.length - 1].data.amountPaid).toBe('99000');
    });
  });

  it('2. extends access when a renewal is paid', async () => {
    const { readerId, providerId } = await subscribe(monthly);
    await expectState(readerId, 'active', 'active');
    const firstEnd = (await subscriptionOf(readerId)).currentPeriodEnd;
    await fake.renew(providerId);
    await eventually(async () =>
      expect(new Date((await subscriptionOf(readerId)).currentPeriodEnd).getTime()).toBeGreaterThan(
        new Date(firstEnd).getTime(),
      ),
    );
    const [grant] = await grantsOf(readerId);
    expect(grant.until).toBe((await subscriptionOf(readerId)).currentPeriodEnd);
  });

  it('3. keeps a past-due reader reading through the grace days, and 4. restores them when the retry pays', async () => {
    const { readerId, providerId } = await subscribe(monthly);
    await expectState(readerId, 'active', 'active');
    await fake.renew(providerId, { paymentSucceeds: false });
    await expectState(readerId, 'past_due', 'past_due (grace)');
    const [grant] = await grantsOf(readerId);
    expect(new Date(grant.until).getTime()).toBeLessThan(
      new Date((await subscriptionOf(readerId)).currentPeriodEnd).getTime(),
    );
    await fake.recoverPayment(providerId);
    await expectState(readerId, 'active', 'active');
  });

  it('5. keeps access until the period ends after a cancellation at period end, then ends it', async () => {
    const { readerId, providerId } = await subscribe(monthly);
    await expectState(readerId, 'active', 'active');
    await fake.sdk(agency.stripeKey).subscriptions.update(providerId, { cancel_at_period_end: true });
    await expectState(readerId, 'active', 'active, cancelled at period end');
    await fake.renew(providerId);
    await expectState(readerId, 'canceled', null);
  });

  it('6. reactivates a subscription whose cancellation is withdrawn', async () => {
    const { readerId, providerId } = await subscribe(monthly);
    await fake.sdk(agency.stripeKey).subscriptions.update(providerId, { cancel_at_period_end: true });
    await expectState(readerId, 'active', 'active, cancelled at period end');
    await fake.sdk(agency.stripeKey).subscriptions.update(providerId, { cancel_at_period_end: false });
    await expectState(readerId, 'active', 'active');
  });

  it('7. ends access at once when a subscription is cancelled now, and tells finance (its churn) once', async () => {
    const { readerId, providerId } = await subscribe(monthly);
    await expectState(readerId, 'active', 'active');
    await fake.cancelNow(providerId);
    await expectState(readerId, 'canceled', null);
    const { id } = await subscriptionOf(readerId);
    const statuses = await eventually(async () => {
      const changes = (
        await probe.published<SubscriptionChangedEvent>('evt.subscriptions.subscription.changed.v1')
      ).filter((event) => event.data.subscriptionId === id);
      expect(changes[changes.length - 1]?.data.status).toBe('canceled');
      return changes.map((event) => [event.data.previousStatus, event.data.status]);
    });
    expect(statuses.filter(([, status]) => status === 'canceled')).toEqual([['active', 'canceled']]);
  });

  it('8. suspends access while paused and restores it on resume', async () => {
    const { readerId, providerId } = await subscribe(withTrial);
    await expectState(readerId, 'trialing', 'trialing');
    await fake.pause(providerId);
    await expectState(readerId, 'paused', null);
    await fake.resume(providerId);
    await eventually(async () => expect(['active', 'trialing']).toContain((await subscriptionOf(readerId)).status));
    expect((await grantsOf(readerId)).length).toBe(2);
  });

  it('9. grants nothing when the first payment fails', async () => {
    const { readerId } = await subscribe(monthly, false);
    await expectState(readerId, 'incomplete', null);
  });

  it('10. publishes entitlement versions in order through the whole life of a subscription', async () => {
    const { readerId, providerId } = await subscribe(monthly);
    await expectState(readerId, 'active', 'active');
    await fake.renew(providerId, { paymentSucceeds: false });
    await expectState(readerId, 'past_due', 'past_due (grace)');
    await fake.cancelNow(providerId);
    await expectState(readerId, 'canceled', null);
    const changes = (
      await probe.published<{ readerKey: string; version: number; entitlements: Grant[] }>(
        'evt.subscriptions.entitlement.changed.v1',
      )
    )
      .filter((e) => e.data.readerKey === `reader:${readerId}`)
      .map((e) => e.data);
    expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => i + 1));
    expect(changes[changes.length - 1].entitlements).toEqual([]);
    expect(changes.some((c) => c.entitlements[0]?.reason === 'past_due (grace)')).toBe(true);
  });

  it('refuses a dunning policy with bad values, naming the field', async () => {
    const bad = await agency.api.send<{ errors: { field: string }[] }>(
      'PUT',
      '/v1/subscriptions/billing-settings/dunning',
      { retryDays: [0], graceDays: 90, afterFinalFailure: 'delete' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['afterFinalFailure', 'graceDays', 'retryDays']);
  });

  it('keeps a customer email change from Stripe', async () => {
    const { readerId } = await subscribe(monthly);
    const customers = await fake.sdk(agency.stripeKey).customers.list({ email: `${readerId}@example.vn` });
    await fake.sdk(agency.stripeKey).customers.update(customers.data[0].id, { email: `new-${readerId}@example.vn` });
    const subscriptionsDb = suite.instances('subscriptions')[0].get(DataSource);
    await eventually(async () => {
      const [row] = await subscriptionsDb.query('SELECT email FROM subscriptions.customers WHERE reader_key = $1', [
        `reader:${readerId}`,
      ]);
      expect(row.email).toBe(`new-${readerId}@example.vn`);
    });
  });
});

describe('changing plans', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let agency: StripeLinkedAgency;
  let monthly: MonthlyPlan;
  let premium: MonthlyPlan;
  let yearlyAtPeriodEnd: MonthlyPlan;

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, agency } = world);
    monthly = await createMonthlyPlan(agency);
    premium = await createMonthlyPlan(agency, { name: 'Premium', unitAmount: '199000' });
    yearlyAtPeriodEnd = await createMonthlyPlan(agency, {
      name: 'Tiết kiệm',
      unitAmount: '79000',
      changePolicy: 'at-period-end',
    });
  });

  afterAll(() => world?.close());

  async function subscribed(plan: MonthlyPlan, readerId: string): Promise<string> {
    const session = await openCheckout(agency, plan.planId, { readerId });
    await fake.completeCheckout(session);
    return eventually(async () => {
      const [subscription] = (
        await agency.api.get<{ items: { id: string; status: string }[] }>(
          `/v1/subscriptions/subscriptions?readerId=${readerId}`,
        )
      ).body.items;
      expect(subscription?.status).toBe('active');
      return subscription.id;
    });
  }

  it('previews an upgrade, then charges exactly the previewed proration', async () => {
    const id = await subscribed(monthly, 'upgrader');
    const preview = await agency.api.post<{
      effective: string;
      amountDueNow: string;
      nextInvoiceAmount: string;
      currency: string;
      prorationDate: number;
    }>(`/v1/subscriptions/subscriptions/${id}/plan-change-preview`, { planId: premium.planId });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ effective: 'now', currency: 'VND', nextInvoiceAmount: '199000' });
    const dueNow = BigInt(preview.body.amountDueNow);
    expect(dueNow).toBeGreaterThan(0n);
    expect(dueNow).toBeLessThanOrEqual(100000n);
    const changed = await agency.api.post<{ planId: string; priceId: string }>(
      `/v1/subscriptions/subscriptions/${id}/plan-change`,
      {
        planId: premium.planId,
        prorationDate: preview.body.prorationDate,
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ planId: premium.planId, priceId: premium.priceId });
    const invoices = await fake.sdk(agency.stripeKey).invoices.list({ limit: 10 });
    expect(invoices.data.map((i) => i.amount_paid)).toContain(Number(dueNow));
  });

  it('schedules a change under an at-period-end policy for the end of the period, charging nothing now', async () => {
    const id = await subscribed(yearlyAtPeriodEnd, 'downgrader');
    const preview = await agency.api.post<{ effective: string; amountDueNow: string; nextInvoiceAmount: string }>(
      `/v1/subscriptions/subscriptions/${id}/plan-change-preview`,
      {
        planId: monthly.planId,
      },
    );
    expect(preview.body).toMatchObject({ effective: 'period-end', amountDueNow: '0', nextInvoiceAmount: '99000' });
    const invoicesBefore = (await fake.sdk(agency.stripeKey).invoices.list({ limit: 100 })).data.length;
    const changed = await agency.api.post<{
      planId: string;
      currentPeriodEnd: string;
      pendingChange: { planId: string; effectiveAt: string } | null;
    }>(`/v1/subscriptions/subscriptions/${id}/plan-change`, { planId: monthly.planId });
    expect(changed.body.planId).toBe(yearlyAtPeriodEnd.planId);
    expect(changed.body.pendingChange).toMatchObject({
      planId: monthly.planId,
      effectiveAt: changed.body.currentPeriodEnd,
    });
    expect((await fake.sdk(agency.stripeKey).invoices.list({ limit: 100 })).data.length).toBe(invoicesBefore);
  });

  it('refuses a change to the same plan or to an unknown one, changing nothing', async () => {
    const id = await subscribed(monthly, 'stayer');
    expect(
      (await agency.api.post(`/v1/subscriptions/subscriptions/${id}/plan-change`, { planId: monthly.planId })).status,
    ).toBe(409);
    expect(
      (
        await agency.api.post(`/v1/subscriptions/subscriptions/${id}/plan-change`, {
          planId: '00000000-0000-4000-8000-000000000000',
        })
      ).status,
    ).toBe(404);
    const [subscription] = (
      await agency.api.get<{ items: { planId: string }[] }>('/v1/subscriptions/subscriptions?readerId=stayer')
    ).body.items;
    expect(subscription.planId).toBe(monthly.planId);
  });
});
