import Stripe from 'stripe';
import { EntitlementChangedEvent, InvoicePaidEvent, SubscriptionChangedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeStripe } from './stripe-fake';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import {
  createMonthlyPlan,
  linkStripe,
  MonthlyPlan,
  openCheckout,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

interface PendingChange {
  planId: string;
  priceId: string;
  effectiveAt: string;
}

interface SubscriptionView {
  id: string;
  planId: string;
  priceId: string;
  status: string;
  currentPeriodEnd: string;
  pendingChange: PendingChange | null;
}

interface Subscribed {
  readerId: string;
  id: string;
  providerId: string;
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('plan changes at the end of the period', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let premium: MonthlyPlan;
  let basic: MonthlyPlan;
  let plus: MonthlyPlan;
  let flexible: MonthlyPlan;
  let readers = 0;

  const stripe = (): Stripe => fake.sdk(agency.stripeKey);
  const changePath = (id: string) => `/v1/subscriptions/subscriptions/${id}/plan-change`;
  const pendingPath = (id: string) => `/v1/subscriptions/subscriptions/${id}/pending-plan-change`;
  const subscriptionOf = async (id: string, owner = agency) =>
    (await owner.api.get<SubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;
  const grantsOf = async (readerId: string) =>
    (
      await agency.api.get<{ entitlements: { key: string }[]; version: number }>(
        `/v1/subscriptions/entitlements?readerId=${readerId}`,
      )
    ).body;
  const keysOf = async (readerId: string) => (await grantsOf(readerId)).entitlements.map((grant) => grant.key);
  const providerPriceOf = async (providerId: string) =>
    (await stripe().subscriptions.retrieve(providerId)).items.data[0].price;

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, probe, agency } = world);
    premium = await createMonthlyPlan(agency, { name: 'Premium', unitAmount: '199000', changePolicy: 'at-period-end' });
    basic = await createMonthlyPlan(
      agency,
      { name: 'Cơ bản', unitAmount: '99000', changePolicy: 'at-period-end' },
      { name: 'Báo điện tử', entitlements: ['premium-articles'] },
    );
    plus = await createMonthlyPlan(
      agency,
      { name: 'Plus', unitAmount: '149000', changePolicy: 'at-period-end' },
      { name: 'Báo in điện tử', entitlements: ['premium-articles', 'e-paper'] },
    );
    flexible = await createMonthlyPlan(
      agency,
      { name: 'Linh hoạt', unitAmount: '129000' },
      { name: 'Báo điện tử linh hoạt', entitlements: ['premium-articles'] },
    );
  });

  afterAll(() => world?.close());

  /** A new reader subscribes to `plan` and pays; answers our and the provider's subscription ids. */
  async function subscribe(plan: MonthlyPlan, owner: StripeLinkedAgency = agency): Promise<Subscribed> {
    const readerId = `period-end-${++readers}`;
    const completed = await fake.completeCheckout(await openCheckout(owner, plan.planId, { readerId }));
    const id = await eventually(async () => {
      const [subscription] = (
        await owner.api.get<{ items: SubscriptionView[] }>(`/v1/subscriptions/subscriptions?readerId=${readerId}`)
      ).body.items;
      expect(subscription?.status).toBe('active');
      return subscription.id;
    });
    return { readerId, id, providerId: String(completed.object.subscription) };
  }

  async function scheduleChange(
    subscription: Subscribed,
    plan: MonthlyPlan,
    owner = agency,
  ): Promise<SubscriptionView> {
    const changed = await owner.api.post<SubscriptionView>(changePath(subscription.id), { planId: plan.planId });
    expect(changed.status).toBe(200);
    return changed.body;
  }

  describe('a downgrade from premium to basic', () => {
    let downgrader: Subscribed;
    let periodEnd: string;

    beforeAll(async () => {
      downgrader = await subscribe(premium);
      periodEnd = (await subscriptionOf(downgrader.id)).currentPeriodEnd;
    });

    it('previews nothing due now and the next invoice at the basic price, changing nothing', async () => {
      const preview = await agency.api.post(`/v1/subscriptions/subscriptions/${downgrader.id}/plan-change-preview`, {
        planId: basic.planId,
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        effective: 'period-end',
        currency: 'VND',
        amountDueNow: '0',
        nextInvoiceAmount: '99000',
        nextInvoiceAt: periodEnd,
      });
      expect((await stripe().subscriptions.retrieve(downgrader.providerId)).schedule).toBeNull();
      expect((await subscriptionOf(downgrader.id)).pendingChange).toBeNull();
    });

    it('shows the change as pending while the reader keeps premium, in entitlements and at Stripe, with nothing charged', async () => {
      const invoicesBefore = (await stripe().invoices.list({ subscription: downgrader.providerId, limit: 100 })).data
        .length;
      const changed = await scheduleChange(downgrader, basic);
      const pendingChange = { planId: basic.planId, priceId: basic.priceId, effectiveAt: periodEnd };
      expect(changed).toMatchObject({
        planId: premium.planId,
        priceId: premium.priceId,
        currentPeriodEnd: periodEnd,
        pendingChange,
      });
      expect(await subscriptionOf(downgrader.id)).toMatchObject({ planId: premium.planId, pendingChange });
      expect(await keysOf(downgrader.readerId)).toEqual(['ad-free', 'premium-articles']);
      expect((await providerPriceOf(downgrader.providerId)).unit_amount).toBe(199_000);
      expect((await stripe().invoices.list({ subscription: downgrader.providerId, limit: 100 })).data).toHaveLength(
        invoicesBefore,
      );

      const { schedule } = await stripe().subscriptions.retrieve(downgrader.providerId, { expand: ['schedule'] });
      const phases = (schedule as Stripe.SubscriptionSchedule).phases;
      expect(phases.map((phase) => phase.start_date)[1]).toBe(new Date(periodEnd).getTime() / 1000);
      const prices = await Promise.all(
        phases.map(async (phase) => (await stripe().prices.retrieve(phase.items[0].price as string)).unit_amount),
      );
      expect(prices).toEqual([199_000, 99_000]);
    });

    it('moves to basic when the period renews: pending cleared, basic entitlements under a higher version, 99000 VND invoiced', async () => {
      const versionBefore = (await grantsOf(downgrader.readerId)).version;
      await fake.renew(downgrader.providerId);

      const renewed = await eventually(async () => {
        const subscription = await subscriptionOf(downgrader.id);
        expect(subscription).toMatchObject({ planId: basic.planId, priceId: basic.priceId, pendingChange: null });
        return subscription;
      });
      expect(new Date(renewed.currentPeriodEnd).getTime()).toBeGreaterThan(new Date(periodEnd).getTime());
      const now = await grantsOf(downgrader.readerId);
      expect(now.entitlements.map((grant) => grant.key)).toEqual(['premium-articles']);
      expect(now.version).toBeGreaterThan(versionBefore);
      const published = await eventually(async () => {
        const events = (
          await probe.published<EntitlementChangedEvent>('evt.subscriptions.entitlement.changed.v1')
        ).filter((event) => event.data.readerKey === `reader:${downgrader.readerId}`);
        expect(events[events.length - 1]?.data.version).toBe(now.version);
        return events.map((event) => event.data);
      });
      // Premium from the checkout until the renewal (scheduling the change published nothing), basic after it.
      expect(published.map((change) => change.entitlements.map((grant) => grant.key))).toEqual([
        ['ad-free', 'premium-articles'],
        ['premium-articles'],
      ]);
      expect(published.map((change) => change.version)).toEqual([versionBefore, now.version]);

      const renewal = await eventually(async () => {
        const paid = (await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1')).filter(
          (event) => event.data.subscriptionId === downgrader.id,
        );
        expect(paid).toHaveLength(2);
        return paid[1].data;
      });
      expect(renewal).toMatchObject({
        currency: 'VND',
        amountPaid: '99000',
        planId: basic.planId,
        priceId: basic.priceId,
        servicePeriodStart: periodEnd,
      });
      // Finance hears of the move to the cheaper price (its MRR contracts), once the renewal made it.
      const changes = await eventually(async () => {
        const events = (
          await probe.published<SubscriptionChangedEvent>('evt.subscriptions.subscription.changed.v1')
        ).filter((event) => event.data.subscriptionId === downgrader.id);
        expect(events[events.length - 1]?.data.priceId).toBe(basic.priceId);
        return events.map((event) => [event.data.priceId, event.data.unitAmount]);
      });
      expect(changes[0]).toEqual([premium.priceId, '199000']);
      expect((await providerPriceOf(downgrader.providerId)).unit_amount).toBe(99_000);
    });
  });

  it('drops a pending change on request: the schedule is released and the renewal keeps premium', async () => {
    const reader = await subscribe(premium);
    await scheduleChange(reader, basic);
    const scheduleId = (await stripe().subscriptions.retrieve(reader.providerId)).schedule as string;

    const dropped = await agency.api.delete<SubscriptionView>(pendingPath(reader.id));
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ planId: premium.planId, pendingChange: null });
    expect(await stripe().subscriptionSchedules.retrieve(scheduleId)).toMatchObject({
      status: 'released',
      released_subscription: reader.providerId,
    });
    expect((await agency.api.delete(pendingPath(reader.id))).status).toBe(404);

    const renewed = await fake.renew(reader.providerId);
    expect(renewed.object.items.data[0].price.unit_amount).toBe(199_000);
    expect((await stripe().invoices.retrieve(renewed.object.latest_invoice as string)).amount_paid).toBe(199_000);
    await eventually(async () =>
      expect(new Date((await subscriptionOf(reader.id)).currentPeriodEnd).getTime()).toBeGreaterThan(
        new Date(dropped.body.currentPeriodEnd).getTime(),
      ),
    );
    expect(await subscriptionOf(reader.id)).toMatchObject({ planId: premium.planId, pendingChange: null });
    expect(await keysOf(reader.readerId)).toEqual(['ad-free', 'premium-articles']);
  });

  it('replaces a pending change with a later one, on the same schedule', async () => {
    const reader = await subscribe(premium);
    await scheduleChange(reader, basic);
    const scheduleId = (await stripe().subscriptions.retrieve(reader.providerId)).schedule as string;

    const replaced = await scheduleChange(reader, plus);
    expect(replaced).toMatchObject({
      planId: premium.planId,
      pendingChange: { planId: plus.planId, priceId: plus.priceId },
    });
    expect((await stripe().subscriptions.retrieve(reader.providerId)).schedule).toBe(scheduleId);

    const renewed = await fake.renew(reader.providerId);
    expect((await stripe().invoices.retrieve(renewed.object.latest_invoice as string)).amount_paid).toBe(149_000);
    await eventually(async () =>
      expect(await subscriptionOf(reader.id)).toMatchObject({ planId: plus.planId, pendingChange: null }),
    );
    expect(await keysOf(reader.readerId)).toEqual(['e-paper', 'premium-articles']);
  });

  it('drops a pending change before an immediate one, which is charged now', async () => {
    const reader = await subscribe(flexible);
    // A change scheduled at Stripe (as from its dashboard) shows as pending too.
    const created = await stripe().subscriptionSchedules.create({ from_subscription: reader.providerId });
    const item = (await stripe().subscriptions.retrieve(reader.providerId)).items.data[0];
    const basicPrice = (await stripe().prices.list({ limit: 100 })).data.find((price) => price.unit_amount === 99_000)!;
    await stripe().subscriptionSchedules.update(created.id, {
      end_behavior: 'release',
      phases: [
        {
          start_date: created.current_phase!.start_date,
          end_date: item.current_period_end,
          items: [{ price: item.price.id }],
        },
        { items: [{ price: basicPrice.id }] },
      ],
    });
    await eventually(async () =>
      expect((await subscriptionOf(reader.id)).pendingChange).toMatchObject({ planId: basic.planId }),
    );

    const invoicesBefore = (await stripe().invoices.list({ subscription: reader.providerId, limit: 100 })).data.length;
    const changed = await agency.api.post<SubscriptionView>(changePath(reader.id), { planId: premium.planId });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ planId: premium.planId, priceId: premium.priceId, pendingChange: null });
    expect(await stripe().subscriptionSchedules.retrieve(created.id)).toMatchObject({ status: 'released' });
    const invoices = (await stripe().invoices.list({ subscription: reader.providerId, limit: 100 })).data;
    expect(invoices).toHaveLength(invoicesBefore + 1);
    expect(invoices[0]).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
    expect(invoices[0].amount_paid).toBeGreaterThan(0);

    const renewed = await fake.renew(reader.providerId);
    expect((await stripe().invoices.retrieve(renewed.object.latest_invoice as string)).amount_paid).toBe(199_000);
  });

  it('ends a subscription cancelled with a change pending, and the pending change with it', async () => {
    const reader = await subscribe(premium);
    await scheduleChange(reader, basic);
    await fake.cancelNow(reader.providerId);
    await eventually(async () =>
      expect(await subscriptionOf(reader.id)).toMatchObject({
        status: 'canceled',
        planId: premium.planId,
        pendingChange: null,
      }),
    );
    expect(await keysOf(reader.readerId)).toEqual([]);
    expect((await agency.api.delete(pendingPath(reader.id))).status).toBe(404);
  });

  it('lets editors but not finance drop a pending change, and answers 404 when nothing is pending or the id is unknown', async () => {
    const reader = await subscribe(premium);
    const nothingPending = await agency.api.delete<{ status: number; detail: string }>(pendingPath(reader.id));
    expect(nothingPending.status).toBe(404);
    expect(nothingPending.headers.get('content-type')).toContain('application/problem+json');
    expect((await agency.api.delete(pendingPath(NO_SUCH_ID))).status).toBe(404);

    await scheduleChange(reader, basic);
    const keyWith = async (role: string) =>
      (await agency.api.post<{ secret: string }>('/v1/api-keys', { name: role, roles: [role] })).body.secret;
    const finance = agency.api.as({ bearer: await keyWith('finance') });
    expect((await finance.delete(pendingPath(reader.id))).status).toBe(403);
    expect((await subscriptionOf(reader.id)).pendingChange).not.toBeNull();
    const editor = agency.api.as({ bearer: await keyWith('editor') });
    expect((await editor.delete<SubscriptionView>(pendingPath(reader.id))).body.pendingChange).toBeNull();
  });

  it("answers 404 to another agency's subscription, leaving its pending change as it was", async () => {
    const other = await linkStripe(
      await createAgency(new Api(world.gatewayUrl), world.suite.operatorToken),
      fake,
      world.gatewayUrl,
    );
    const [theirPremium, theirBasic] = [
      await createMonthlyPlan(other, { unitAmount: '199000', changePolicy: 'at-period-end' }),
      await createMonthlyPlan(other, { unitAmount: '99000' }),
    ];
    const theirs = await subscribe(theirPremium, other);
    const pending = (await scheduleChange(theirs, theirBasic, other)).pendingChange;
    expect(pending).not.toBeNull();

    expect((await agency.api.delete(pendingPath(theirs.id))).status).toBe(404);
    expect((await agency.api.post(changePath(theirs.id), { planId: basic.planId })).status).toBe(404);
    expect(
      (
        await agency.api.post(`/v1/subscriptions/subscriptions/${theirs.id}/plan-change-preview`, {
          planId: basic.planId,
        })
      ).status,
    ).toBe(404);
    expect((await subscriptionOf(theirs.id, other)).pendingChange).toEqual(pending);
    expect((await fake.sdk(other.stripeKey).subscriptions.retrieve(theirs.providerId)).schedule).not.toBeNull();
  });
});
