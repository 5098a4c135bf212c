import { DataSource } from 'typeorm';
import {
  ChargeRefundedEvent,
  DisputeClosedEvent,
  DisputeOpenedEvent,
  GiftPurchasedEvent,
  InvoicePaidEvent,
  ProviderSyncJobView,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeStripe } from './stripe-fake';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import {
  createMonthlyPlan,
  MonthlyPlan,
  openCheckout,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

const LOST = 'http://127.0.0.1:9/lost';
const LOOKBACK_DAYS = 7;

describe('repairing refunds, disputes and gift payments whose webhooks were lost', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;
  let shopPage: Api;

  beforeAll(async () => {
    world = await startStripeWorld({ PROVIDER_SYNC_LOOKBACK_DAYS: String(LOOKBACK_DAYS) });
    ({ fake, probe, agency } = world);
    plan = await createMonthlyPlan(agency);
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', { name: 'Tin Nhanh', domain: 'tn.vn' });
    shopPage = new Api(world.gatewayUrl, { siteKey: site.body.publishableKey });
  });

  afterAll(() => world?.close());

  const ofAgency = async <T>(subject: string) =>
    (await probe.published<T>(subject)).filter((e) => e.tenantId === agency.tenantId);

  /** A reader who subscribed while webhooks still arrived; answers the charge of the first invoice. */
  async function paidCharge(readerId: string): Promise<string> {
    await fake.completeCheckout(await openCheckout(agency, plan.planId, { readerId }));
    return eventually(async () => {
      const paid = await ofAgency<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
      const charge = paid.find((e) => e.data.providerChargeId && !charges.includes(e.data.providerChargeId));
      expect(charge).toBeDefined();
      charges.push(charge!.data.providerChargeId!);
      return charge!.data.providerChargeId!;
    });
  }
  const charges: string[] = [];

  async function paidGiftCheckout(): Promise<string> {
    const checkout = await shopPage.post<{ url: string }>('/v1/subscriptions/gift-checkouts', {
      planId: plan.planId,
      months: 3,
      purchaserEmail: 'mua@example.vn',
      recipientEmail: 'nhan@example.vn',
      successUrl: 'https://tn.vn/cam-on?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://tn.vn/qua-tang',
    });
    expect(checkout.status).toBe(201);
    const paid = await fetch(checkout.body.url, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeed' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    return new URL(paid.headers.get('location')!).searchParams.get('session')!;
  }

  async function syncNow(): Promise<ProviderSyncJobView> {
    const started = await agency.api.post<ProviderSyncJobView>('/v1/subscriptions/sync', undefined);
    expect(started.status).toBe(202);
    return eventually(async () => {
      const job = await agency.api.get<ProviderSyncJobView>(`/v1/subscriptions/sync-jobs/${started.body.id}`);
      expect(job.body.status).toBe('succeeded');
      return job.body;
    });
  }

  /** Events the subscriptions service has written for publishing, about one object. */
  async function outboxRows(subject: string, about: string): Promise<number> {
    const db = world.suite.instances('subscriptions')[0].get(DataSource);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM subscriptions.outbox WHERE subject = $1 AND envelope->>'subject' = $2`,
      [subject, about],
    );
    return n;
  }

  /** Delivers the agency's events of these types late, and waits until subscriptions has processed each. */
  async function deliverLate(types: string[], from: number): Promise<number> {
    const events = fake
      .events(agency.stripeKey)
      .slice(from)
      .filter((e) => types.includes(e.type));
    for (const event of events) {
      const delivery = await fake.deliver(event, { url: agency.webhookUrl, secret: agency.webhookSecret });
      expect(delivery.status).toBe(200);
    }
    const db = world.suite.instances('subscriptions')[0].get(DataSource);
    await eventually(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM subscriptions.provider_notifications
          WHERE tenant_id = $1 AND provider_notification_id = ANY($2) AND processed_at IS NOT NULL`,
        [agency.tenantId, events.map((e) => e.id)],
      );
      expect(n).toBe(events.length);
    });
    return events.length;
  }

  it('records them after a sync run, once each, and the late webhooks book nothing again', async () => {
    const refundedCharge = await paidCharge('refunded-reader');
    const disputedCharge = await paidCharge('disputed-reader');
    fake.setWebhookEndpoint(agency.stripeKey, LOST, agency.webhookSecret);
    const from = fake.events(agency.stripeKey).length;

    const refund = (await fake.refund(refundedCharge, 40000)).object;
    const dispute = (await fake.dispute(disputedCharge)).object;
    const giftSession = await paidGiftCheckout();
    expect(await ofAgency('evt.subscriptions.charge.refunded.v1')).toEqual([]);
    expect(await ofAgency('evt.subscriptions.dispute.opened.v1')).toEqual([]);

    const before = Date.now();
    const job = await syncNow();
    const since = Date.parse(job.invoicesSince);
    expect(since).toBeGreaterThanOrEqual(before - LOOKBACK_DAYS * 86_400_000 - 1000);
    expect(since).toBeLessThanOrEqual(Date.now() - LOOKBACK_DAYS * 86_400_000);
    expect(job.payments).toEqual({ processed: 3, total: 3, percent: 100 });
    const windows = fake
      .apiRequests(agency.stripeKey)
      .filter((r) => r.method === 'GET' && ['/v1/refunds', '/v1/disputes', '/v1/checkout/sessions'].includes(r.path))
      .map((r) => [r.path, r.params.created]);
    const gte = { gte: String(Math.floor(since / 1000)) };
    expect(windows).toEqual([
      ['/v1/refunds', gte],
      ['/v1/disputes', gte],
      ['/v1/checkout/sessions', gte],
    ]);

    const refunds = await eventually(async () => {
      const events = await ofAgency<ChargeRefundedEvent>('evt.subscriptions.charge.refunded.v1');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(refunds[0].data).toMatchObject({
      providerRefundId: refund.id,
      providerChargeId: refundedCharge,
      currency: 'VND',
      amount: '40000',
    });
    expect(refunds[0].data.subscriptionId).not.toBeNull();
    const opened = await eventually(async () => {
      const events = await ofAgency<DisputeOpenedEvent>('evt.subscriptions.dispute.opened.v1');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(opened[0].data).toMatchObject({ providerDisputeId: dispute.id, providerChargeId: disputedCharge });
    const gifts = await eventually(async () => {
      const events = await ofAgency<GiftPurchasedEvent>('evt.subscriptions.gift.purchased.v1');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(gifts[0].data).toMatchObject({ providerCheckoutId: giftSession, months: 3 });
    const listed = await agency.api.get<{ items: { providerCheckoutId: string | null }[] }>('/v1/subscriptions/gifts');
    expect(listed.body.items.filter((g) => g.providerCheckoutId === giftSession)).toHaveLength(1);

    // The lost webhooks arrive after all, and a second sync re-reads the same objects.
    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    const late = await deliverLate(['charge.refunded', 'charge.dispute.created', 'checkout.session.completed'], from);
    expect(late).toBe(3);
    await syncNow();
    expect(await outboxRows('evt.subscriptions.charge.refunded.v1', refund.id)).toBe(1);
    expect(await outboxRows('evt.subscriptions.dispute.opened.v1', dispute.id)).toBe(1);
    expect(await outboxRows('evt.subscriptions.gift.purchased.v1', gifts[0].subject)).toBe(1);
    expect(await ofAgency('evt.subscriptions.charge.refunded.v1')).toHaveLength(1);
    expect(await ofAgency('evt.subscriptions.dispute.opened.v1')).toHaveLength(1);
    expect(await ofAgency('evt.subscriptions.gift.purchased.v1')).toHaveLength(1);
  });

  it('closes a dispute whose closing webhook was lost, once', async () => {
    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    const charge = await paidCharge('lost-dispute-reader');
    const dispute = (await fake.dispute(charge)).object;
    await eventually(async () =>
      expect(
        (await ofAgency<DisputeOpenedEvent>('evt.subscriptions.dispute.opened.v1')).filter(
          (e) => e.data.providerDisputeId === dispute.id,
        ),
      ).toHaveLength(1),
    );
    fake.setWebhookEndpoint(agency.stripeKey, LOST, agency.webhookSecret);
    const from = fake.events(agency.stripeKey).length;
    await fake.closeDispute(dispute.id, true);

    await syncNow();
    const closedOf = async () =>
      (await ofAgency<DisputeClosedEvent>('evt.subscriptions.dispute.closed.v1')).filter(
        (e) => e.data.providerDisputeId === dispute.id,
      );
    const [closed] = await eventually(async () => {
      const events = await closedOf();
      expect(events).toHaveLength(1);
      return events;
    });
    expect(closed.data).toMatchObject({ outcome: 'won' });

    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    expect(await deliverLate(['charge.dispute.closed'], from)).toBe(1);
    expect(await outboxRows('evt.subscriptions.dispute.closed.v1', dispute.id)).toBe(1);
    expect(await closedOf()).toHaveLength(1);
  });
});
