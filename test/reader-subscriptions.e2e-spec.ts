import {
  ChargeRefundedEvent,
  DisputeClosedEvent,
  DisputeOpenedEvent,
  EntitlementChangedEvent,
  InvoicePaidEvent,
  SubscriptionChangedEvent,
} from '@libs/contracts';
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

interface Entitlements {
  entitlements: { key: string; until: string; source: string; reason: string }[];
  version: number;
}

describe('a reader subscribes and pays in VND', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;

  const entitlementsOf = (readerId: string) =>
    agency.api.get<Entitlements>(`/v1/subscriptions/entitlements?readerId=${readerId}`);

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, probe, agency } = world);
    plan = await createMonthlyPlan(agency);
  });

  afterAll(() => world?.close());

  it('keeps VND amounts as they are at the provider (no x100 anywhere)', async () => {
    const view = await agency.api.get<{ currentPrice: { unitAmount: string; currency: string } }>(
      `/v1/subscriptions/plans/${plan.planId}`,
    );
    expect(view.body.currentPrice).toMatchObject({ unitAmount: '99000', currency: 'VND' });
    const prices = await fake.sdk(agency.stripeKey).prices.list({ limit: 10 });
    expect(prices.data.map((p) => [p.unit_amount, p.currency])).toEqual([[99000, 'vnd']]);
  });

  it('takes a reader from checkout through payment to entitlements, events included', async () => {
    const sessionId = await openCheckout(
      agency,
      plan.planId,
      { readerId: 'reader-1', email: 'lan@example.vn' },
      'article:123/offer:monthly',
    );
    const completed = await fake.completeCheckout(sessionId);
    expect(fake.deliveries(agency.stripeKey).every((d) => d.status === 200)).toBe(true);

    const granted = await eventually(async () => {
      const response = await entitlementsOf('reader-1');
      expect(response.body.entitlements.map((e) => e.key)).toEqual(['ad-free', 'premium-articles']);
      return response.body;
    });
    expect(granted.entitlements[0]).toMatchObject({ source: 'subscription', reason: 'active' });
    expect(new Date(granted.entitlements[0].until).getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);

    const changes = await eventually(async () => {
      const events = await probe.published<EntitlementChangedEvent>('evt.subscriptions.entitlement.changed.v1');
      expect(events.filter((e) => e.data.readerKey === 'reader:reader-1').length).toBeGreaterThan(0);
      return events.filter((e) => e.data.readerKey === 'reader:reader-1');
    });
    expect(changes.map((e) => e.data.version)).toEqual(changes.map((_, i) => i + 1));
    expect(changes[changes.length - 1].data.entitlements.map((g) => g.key)).toEqual(['ad-free', 'premium-articles']);

    const paid = await eventually(async () => {
      const events = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
      expect(events).toHaveLength(1);
      return events[0].data;
    });
    expect(paid).toMatchObject({
      currency: 'VND',
      amountPaid: '99000',
      tax: '0',
      planId: plan.planId,
      priceId: plan.priceId,
    });
    expect(paid.providerChargeId).toMatch(/^ch_/);
    expect(paid.providerBalanceTransactionId).toMatch(/^txn_/);
    const txn = await fake.sdk(agency.stripeKey).balanceTransactions.retrieve(paid.providerBalanceTransactionId!);
    expect(paid.providerFee).toBe(String(txn.fee));

    const started = await probe.published<SubscriptionChangedEvent>('evt.subscriptions.subscription.changed.v1');
    expect(started.some((e) => e.data.status === 'active' && e.data.reference === 'article:123/offer:monthly')).toBe(
      true,
    );
    // What it bills, for finance's MRR: the price version per interval, in whole dong.
    expect(started.find((e) => e.data.status === 'active')?.data).toMatchObject({
      priceId: plan.priceId,
      currency: 'VND',
      unitAmount: '99000',
      intervalMonths: 1,
    });
    expect(completed.events.map((e) => e.type)).toContain('invoice.paid');
  });

  it('changes nothing when every webhook is delivered again', async () => {
    const before = (await entitlementsOf('reader-1')).body;
    const paidBefore = (await probe.published('evt.subscriptions.invoice.paid.v1')).length;
    for (const event of fake.events(agency.stripeKey)) {
      const delivery = await fake.deliver(event, { url: agency.webhookUrl, secret: agency.webhookSecret });
      expect(delivery.status).toBe(200);
      expect(JSON.parse(delivery.body)).toEqual({ received: true, duplicate: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await entitlementsOf('reader-1')).body).toEqual(before);
    expect(await probe.published('evt.subscriptions.invoice.paid.v1')).toHaveLength(paidBefore);
  });

  it('refuses a webhook with a bad or stale signature, storing nothing', async () => {
    const [event] = fake.events(agency.stripeKey);
    const forged = await fake.deliver(
      { ...event, id: 'evt_forged_1' },
      { url: agency.webhookUrl, secret: 'whsec_notTheAgencysSecret1' },
    );
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.body)).toMatchObject({ status: 400, errors: [{ field: 'Stripe-Signature' }] });
    const stale = await fake.deliver(
      { ...event, id: 'evt_stale_1' },
      { url: agency.webhookUrl, secret: agency.webhookSecret, timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect(stale.status).toBe(400);
    const again = await fake.deliver(
      { ...event, id: 'evt_stale_1' },
      { url: agency.webhookUrl, secret: agency.webhookSecret },
    );
    expect(JSON.parse(again.body)).toEqual({ received: true, duplicate: false });
  });

  it('reaches the same state whatever order the webhooks arrive in', async () => {
    const secondSecret = `whsec_${'b'.repeat(32)}`;
    // Deliveries go nowhere while the reader pays; then they arrive at the gateway newest first.
    fake.setWebhookEndpoint(agency.stripeKey, 'http://127.0.0.1:9/nowhere', secondSecret);
    const before = fake.events(agency.stripeKey).length;
    const sessionId = await openCheckout(agency, plan.planId, { readerId: 'reader-2' });
    await fake.completeCheckout(sessionId);
    const newEvents = fake.events(agency.stripeKey).slice(before);
    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    for (const event of [...newEvents].reverse()) {
      expect((await fake.deliver(event, { url: agency.webhookUrl, secret: agency.webhookSecret })).status).toBe(200);
    }
    await eventually(async () =>
      expect((await entitlementsOf('reader-2')).body.entitlements.map((e) => e.key)).toEqual([
        'ad-free',
        'premium-articles',
      ]),
    );
    await eventually(async () => {
      const paid = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
      expect(paid).toHaveLength(2);
    });
  });

  it('keeps existing subscribers on their price version when the price changes', async () => {
    const raised = await agency.api.post<{ currentPrice: { version: number; unitAmount: string }; prices: unknown[] }>(
      `/v1/subscriptions/plans/${plan.planId}/prices`,
      { unitAmount: '109000' },
    );
    expect(raised.status).toBe(201);
    expect(raised.body.currentPrice).toMatchObject({ version: 2, unitAmount: '109000' });
    expect(raised.body.prices).toHaveLength(2);
    const paid = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
    expect(paid.every((e) => e.data.priceId === plan.priceId)).toBe(true);
  });

  it('tells finance about each refund once, partial ones included', async () => {
    const [first] = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
    const chargeId = first.data.providerChargeId!;
    await fake.refund(chargeId, 40000);
    await fake.refund(chargeId);
    const refunds = await eventually(async () => {
      const events = (await probe.published<ChargeRefundedEvent>('evt.subscriptions.charge.refunded.v1')).filter(
        (e) => e.data.providerChargeId === chargeId,
      );
      expect(events).toHaveLength(2);
      return events.map((e) => e.data);
    });
    expect(refunds.map((r) => r.amount).sort()).toEqual(['40000', '59000']);
    expect(refunds.every((r) => r.currency === 'VND' && r.subscriptionId === first.data.subscriptionId)).toBe(true);
    for (const event of fake.events(agency.stripeKey).filter((e) => e.type === 'charge.refunded')) {
      await fake.deliver(event, { url: agency.webhookUrl, secret: agency.webhookSecret });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await probe.published('evt.subscriptions.charge.refunded.v1')).length).toBe(2);
  });

  it('opens a dispute once and closes it once, even when the events arrive in reverse', async () => {
    const paid = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
    const chargeId = paid[paid.length - 1].data.providerChargeId!;
    fake.setWebhookEndpoint(agency.stripeKey, 'http://127.0.0.1:9/nowhere', agency.webhookSecret);
    const before = fake.events(agency.stripeKey).length;
    const opened = await fake.dispute(chargeId);
    await fake.closeDispute(opened.object.id, false);
    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    const disputeEvents = fake
      .events(agency.stripeKey)
      .slice(before)
      .filter((e) => e.type.startsWith('charge.dispute.'));
    for (const event of [...disputeEvents].reverse())
      await fake.deliver(event, { url: agency.webhookUrl, secret: agency.webhookSecret });
    const [open] = await eventually(async () => {
      const events = await probe.published<DisputeOpenedEvent>('evt.subscriptions.dispute.opened.v1');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(open.data).toMatchObject({ providerChargeId: chargeId, currency: 'VND', amount: '99000' });
    const [closed] = await eventually(async () => {
      const events = await probe.published<DisputeClosedEvent>('evt.subscriptions.dispute.closed.v1');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(closed.data).toMatchObject({ providerDisputeId: opened.object.id, outcome: 'lost' });
  });

  it('opens the customer portal for a known reader, and answers 404 for an unknown one', async () => {
    const portal = await agency.api.post<{ url: string }>('/v1/subscriptions/portal-sessions', {
      readerId: 'reader-1',
      returnUrl: 'https://tinnhanh.vn/tai-khoan',
    });
    expect(portal.status).toBe(201);
    expect(portal.body.url).toMatch(new RegExp(`^${fake.url}/portal/bps_`));
    const unknown = await agency.api.post('/v1/subscriptions/portal-sessions', {
      readerId: 'nobody',
      returnUrl: 'https://tinnhanh.vn/tai-khoan',
    });
    expect(unknown.status).toBe(404);
  });

  it('never shows the Stripe secrets again', async () => {
    const account = await agency.api.get('/v1/subscriptions/stripe-account');
    expect(account.body).toMatchObject({ configured: true, mode: 'test', keyLast4: agency.stripeKey.slice(-4) });
    expect(JSON.stringify(account.body)).not.toContain(agency.stripeKey);
    expect(JSON.stringify(account.body)).not.toContain(agency.webhookSecret);
  });

  it('applies a promotion code at checkout, and refuses an unknown one by name', async () => {
    const coupon = await agency.api.post<{ id: string; codes: string[]; percentOff: number }>(
      '/v1/subscriptions/coupons',
      {
        name: 'Tết 2027',
        percentOff: 10,
        duration: 'once',
        code: 'TET2027',
      },
    );
    expect(coupon.status).toBe(201);
    expect(coupon.body).toMatchObject({ percentOff: 10, codes: ['TET2027'] });
    const listed = await agency.api.get<{ items: { id: string; codes: string[] }[] }>('/v1/subscriptions/coupons');
    expect(listed.body.items.find((c) => c.id === coupon.body.id)?.codes).toEqual(['TET2027']);

    const unknown = await agency.api.post<{ errors: { field: string }[] }>('/v1/subscriptions/checkout-sessions', {
      planId: plan.planId,
      readerId: 'reader-promo',
      promotionCode: 'NOPE2027',
      successUrl: 'https://tinnhanh.vn/ok',
      cancelUrl: 'https://tinnhanh.vn/no',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e) => e.field)).toEqual(['promotionCode']);

    const session = await agency.api.post<{ id: string }>('/v1/subscriptions/checkout-sessions', {
      planId: plan.planId,
      readerId: 'reader-promo',
      promotionCode: 'TET2027',
      successUrl: 'https://tinnhanh.vn/ok',
      cancelUrl: 'https://tinnhanh.vn/no',
    });
    await fake.completeCheckout(session.body.id);
    // New subscribers pay the plan's current price version, 10% off.
    const current = (
      await agency.api.get<{ currentPrice: { unitAmount: string } }>(`/v1/subscriptions/plans/${plan.planId}`)
    ).body.currentPrice;
    const discounted = String((BigInt(current.unitAmount) * 90n) / 100n);
    expect(discounted).toBe('98100');
    const paid = await eventually(async () => {
      const events = (await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1')).filter(
        (e) => e.data.amountPaid === discounted,
      );
      expect(events).toHaveLength(1);
      return events[0].data;
    });
    expect(paid.currency).toBe('VND');
  });

  it('refuses a coupon that is neither a percentage nor an amount in minor units', async () => {
    const bad = await agency.api.post<{ errors: { field: string }[] }>('/v1/subscriptions/coupons', {
      name: 'Bad',
      percentOff: 150,
      duration: 'repeating',
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e) => e.field))].sort()).toEqual(['durationInMonths', 'percentOff']);
    const decimal = await agency.api.post<{ errors: { field: string }[] }>('/v1/subscriptions/coupons', {
      name: 'Bad',
      amountOff: '10.5',
      currency: 'VND',
      duration: 'once',
    });
    expect([...new Set(decimal.body.errors.map((e) => e.field))]).toEqual(['amountOff']);
  });
});
