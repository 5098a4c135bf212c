import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { eventually } from '@libs/testing';
import { RailNotificationServer } from '../apps/payments/src/notifications/rail-notification-server';
import { replayFailedProviderNotifications } from '../scripts/replay-provider-notifications';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { WireEvent } from './stripe-fake/objects/wire-types';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { createMonthlyPlan, linkStripe, openCheckout, StripeLinkedAgency } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

/** The stored notifications, as the runner sees them. */
interface StoredNotification {
  provider_notification_id: string;
  processed_at: Date | null;
  failed_at: Date | null;
  attempts: number;
}

describe('provider notifications: nothing lost', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let gatewayUrl: string;
  let db: DataSource;
  let first: StripeLinkedAgency;
  let second: StripeLinkedAgency;

  beforeAll(async () => {
    fake = await startFakeStripe();
    // Any unprocessed notification counts as old here, so the health check's degraded answer is reachable without waiting.
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments'], {
      STRIPE_API_URL: fake.url,
      PROVIDER_NOTIFICATION_MAX_AGE_S: '0',
    });
    gatewayUrl = await suite.gatewayUrl();
    first = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    second = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    db = await new DataSource({ type: 'postgres', url: suite.database.url }).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await suite?.close();
    await fake?.close();
  });

  /** Payments' notification port, where agencies register Stripe's webhooks now. */
  const directUrl = (tenantId: string) =>
    `${suite.instances('payments')[0].get(RailNotificationServer).url}/v1/notifications/stripe/${tenantId}`;

  const storedOf = async (agency: StripeLinkedAgency): Promise<StoredNotification[]> =>
    db.query(
      `SELECT provider_notification_id, processed_at, failed_at, attempts FROM subscriptions.provider_notifications
        WHERE tenant_id = $1 ORDER BY received_at`,
      [agency.tenantId],
    );

  const processed = (agency: StripeLinkedAgency, eventId: string) =>
    eventually(async () => {
      const row = (await storedOf(agency)).find((n) => n.provider_notification_id === eventId);
      expect(row?.processed_at).toBeInstanceOf(Date);
    });

  /** A paid subscription of the agency: its events at the fake, webhooks answered. */
  async function paidSubscription(agency: StripeLinkedAgency, readerId: string): Promise<WireEvent[]> {
    const plan = await createMonthlyPlan(agency);
    const completed = await fake.completeCheckout(await openCheckout(agency, plan.planId, { readerId }));
    return completed.events;
  }

  function signed(event: unknown, secret: string): { body: string; signature: string } {
    const body = JSON.stringify(event, null, 2);
    return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) };
  }

  async function post(url: string, event: unknown, secret: string): Promise<{ status: number; body: unknown }> {
    const { body, signature } = signed(event, secret);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  it('answers 404 for an unknown agency and 400 for an agency without a provider account, storing nothing', async () => {
    const event = {
      id: 'evt_unknown_agency_1',
      object: 'event',
      type: 'customer.updated',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cus_1', object: 'customer', email: 'a@example.vn' } },
    };
    const unknown = await post(`${gatewayUrl}/v1/webhooks/stripe/${randomUUID()}`, event, first.webhookSecret);
    expect(unknown).toMatchObject({ status: 404, body: { status: 404, detail: expect.stringMatching(/agency/) } });
    const unlinked = await createAgency(new Api(gatewayUrl), suite.operatorToken);
    await eventually(async () =>
      expect((await unlinked.api.get('/v1/subscriptions/billing-settings')).status).toBe(200),
    );
    const unconfigured = await post(
      `${gatewayUrl}/v1/webhooks/stripe/${unlinked.tenantId}`,
      { ...event, id: 'evt_unconfigured_1' },
      first.webhookSecret,
    );
    expect(unconfigured.status).toBe(400);
    expect(unconfigured.body).toMatchObject({ status: 400, errors: [{ field: 'tenantId' }] });
    const [{ count }] = await db.query<{ count: string }[]>(
      `SELECT (SELECT count(*) FROM subscriptions.provider_notifications WHERE provider_notification_id = 'evt_unconfigured_1')
            + (SELECT count(*) FROM payments.stripe_notifications WHERE event_id = 'evt_unconfigured_1') AS count`,
    );
    expect(count).toBe('0');
  });

  it('stores and processes a signed event of about 1 MiB, through the gateway and sent directly', async () => {
    const events = await paidSubscription(first, 'big-invoice-reader');
    const paid = events.find((e) => e.type === 'invoice.paid')!;
    const invoice = paid.data.object as { lines: { data: unknown[] } };
    const line = invoice.lines.data[0] as Record<string, unknown>;
    const lines = Array.from({ length: 400 }, (_, i) => ({
      ...line,
      id: `il_big_${i}`,
      description: `Dòng ${i}: ${'quảng cáo trên trang nhất, '.repeat(32)}`,
    }));
    const big = (id: string) => ({
      ...paid,
      id,
      data: { object: { ...invoice, lines: { ...invoice.lines, data: lines } } },
    });
    const size = Buffer.byteLength(signed(big('evt_big_gateway'), first.webhookSecret).body);
    expect(size).toBeGreaterThan(900 * 1024);
    expect(size).toBeLessThan(1024 * 1024);

    const throughGateway = await post(first.webhookUrl, big('evt_big_gateway'), first.webhookSecret);
    expect(throughGateway).toEqual({ status: 200, body: { received: true, duplicate: false } });
    const direct = await post(directUrl(first.tenantId), big('evt_big_direct'), first.webhookSecret);
    expect(direct).toEqual({ status: 200, body: { received: true, duplicate: false } });
    await processed(first, 'evt_big_gateway');
    await processed(first, 'evt_big_direct');
  });

  it("keeps one agency's hanging provider calls from delaying another agency's notifications", async () => {
    await paidSubscription(first, 'slow-agency-reader');
    await paidSubscription(second, 'fast-agency-reader');
    const slowEvent = fake.events(first.stripeKey).find((e) => e.type === 'customer.subscription.created')!;
    const fastEvent = fake.events(second.stripeKey).find((e) => e.type === 'customer.subscription.created')!;
    // Every provider call for the first agency hangs until released.
    const hold = fake.holdRequest(first.stripeKey, () => true);
    try {
      expect((await post(first.webhookUrl, { ...slowEvent, id: 'evt_slow_1' }, first.webhookSecret)).status).toBe(200);
      await hold.arrived;
      expect((await post(second.webhookUrl, { ...fastEvent, id: 'evt_fast_1' }, second.webhookSecret)).status).toBe(
        200,
      );
      await processed(second, 'evt_fast_1');

      // While the first agency's notification waits, its age is reported as a metric and in health.
      const subscriptionsUrl = (await suite.instances('subscriptions')[0].getUrl()).replace('[::1]', '127.0.0.1');
      const metrics = await (await fetch(`${subscriptionsUrl}/metrics`)).text();
      expect(metrics).toMatch(/^provider_notifications_oldest_unprocessed_age_seconds\{[^}]*\} \d+(\.\d+)?$/m);
      const health = await fetch(`${subscriptionsUrl}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'degraded',
        details: { providerNotifications: { status: 'degraded', oldestUnprocessedAgeSeconds: expect.any(Number) } },
      });
    } finally {
      hold.release();
    }
    await processed(first, 'evt_slow_1');
  });

  it('holds no transaction open in the subscriptions schema while a notification waits on the provider', async () => {
    const event = (await paidSubscription(second, 'held-call-reader')).find(
      (e) => e.type === 'customer.subscription.created',
    )!;
    // Every provider call for the agency hangs until released: the runner is now inside its provider read.
    const hold = fake.holdRequest(second.stripeKey, () => true);
    try {
      expect((await post(second.webhookUrl, { ...event, id: 'evt_held_1' }, second.webhookSecret)).status).toBe(200);
      await hold.arrived;
      // A transaction that waits on something outside the database while holding locks shows as "idle in transaction".
      const openWhileWaiting = await db.query<{ relname: string; mode: string }[]>(
        `SELECT c.relname, l.mode FROM pg_locks l
           JOIN pg_class c ON c.oid = l.relation
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE n.nspname = 'subscriptions' AND a.datname = current_database()
            AND a.state = 'idle in transaction' AND l.pid <> pg_backend_pid()`,
      );
      expect(openWhileWaiting).toEqual([]);
    } finally {
      hold.release();
    }
    await processed(second, 'evt_held_1');
  });

  it('puts failed notifications of an agency back to work on replay', async () => {
    const [event] = fake.events(second.stripeKey).filter((e) => e.type === 'customer.subscription.created');
    // Stands for one that failed for days: kept, marked failed, never deleted.
    await db.query(
      `INSERT INTO subscriptions.provider_notifications
         (tenant_id, provider_notification_id, type, parsed, occurred_at, attempts, last_error, failed_at)
       SELECT tenant_id, 'evt_failed_1', type, jsonb_set(parsed, '{providerNotificationId}', '"evt_failed_1"'),
              occurred_at, 80, 'provider unavailable', now()
         FROM subscriptions.provider_notifications WHERE tenant_id = $1 AND provider_notification_id = $2`,
      [second.tenantId, event.id],
    );
    const replayed = await replayFailedProviderNotifications(suite.database.url, {
      tenantId: second.tenantId,
      since: new Date(Date.now() - 3600_000),
    });
    expect(replayed).toBe(1);
    await processed(second, 'evt_failed_1');
    const row = (await storedOf(second)).find((n) => n.provider_notification_id === 'evt_failed_1');
    expect(row?.failed_at).toBeNull();
  });
});
