import { DataSource } from 'typeorm';
import { InvoicePaidEvent, ProviderSyncJobView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { ProviderSyncSchedule } from '../apps/subscriptions/src/provider-sync/provider-sync.schedule';
import { FakeStripe, RecordedApiRequest, startFakeStripe } from './stripe-fake';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { createMonthlyPlan, linkStripe, openCheckout, StripeLinkedAgency } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

const PAGE_SIZE = 2;

describe('repairing drift from missed webhooks, as a job', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let gatewayUrl: string;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments'], {
      STRIPE_API_URL: fake.url,
      PROVIDER_SYNC_PAGE_SIZE: String(PAGE_SIZE),
    });
    probe = await JetStreamProbe.connect(suite.nats.url);
    gatewayUrl = await suite.gatewayUrl();
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await fake?.close();
  });

  /** An agency whose Stripe webhooks never arrive, so only a sync tells it what happened. */
  async function agencyMissingWebhooks(): Promise<StripeLinkedAgency> {
    const agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    fake.setWebhookEndpoint(agency.stripeKey, 'http://127.0.0.1:9/lost', agency.webhookSecret);
    return agency;
  }

  /** Readers who subscribed and paid at Stripe unbeknownst to us; answers the Stripe ids newest first, as Stripe lists them. */
  async function missedSubscriptions(agency: StripeLinkedAgency, readerIds: string[]): Promise<string[]> {
    const plan = await createMonthlyPlan(agency);
    for (const readerId of readerIds)
      await fake.completeCheckout(await openCheckout(agency, plan.planId, { readerId }));
    return (await fake.sdk(agency.stripeKey).subscriptions.list({ status: 'all', limit: 100 })).data.map((s) => s.id);
  }

  async function startSync(agency: StripeLinkedAgency): Promise<ProviderSyncJobView> {
    const response = await agency.api.post<ProviderSyncJobView>('/v1/subscriptions/sync', undefined);
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/v1/subscriptions/sync-jobs/${response.body.id}`);
    return response.body;
  }

  function jobOf(agency: StripeLinkedAgency, id: string): Promise<ProviderSyncJobView> {
    return eventually(async () => {
      const response = await agency.api.get<ProviderSyncJobView>(`/v1/subscriptions/sync-jobs/${id}`);
      expect(response.status).toBe(200);
      return response.body;
    });
  }

  function jobEnded(
    agency: StripeLinkedAgency,
    id: string,
    status: 'succeeded' | 'failed',
    timeoutMs?: number,
  ): Promise<ProviderSyncJobView> {
    return eventually(async () => {
      const job = await jobOf(agency, id);
      expect(job.status).toBe(status);
      return job;
    }, timeoutMs);
  }

  /** Amounts of the invoice-paid events published for the agency so far. */
  async function paidInvoices(agency: StripeLinkedAgency): Promise<InvoicePaidEvent[]> {
    const events = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
    return events.filter((e) => e.tenantId === agency.tenantId).map((e) => e.data);
  }

  async function entitlementKeys(agency: StripeLinkedAgency, readerId: string): Promise<string[]> {
    const response = await agency.api.get<{ entitlements: { key: string }[] }>(
      `/v1/subscriptions/entitlements?readerId=${readerId}`,
    );
    return response.body.entitlements.map((e) => e.key);
  }

  /** The `starting_after` of each subscriptions list call to Stripe since `from` (null: the first page). */
  function subscriptionPagesAsked(agency: StripeLinkedAgency, from: number): (string | null)[] {
    return fake
      .apiRequests(agency.stripeKey)
      .slice(from)
      .filter((r) => r.method === 'GET' && r.path === '/v1/subscriptions')
      .map((r) => (typeof r.params.starting_after === 'string' ? r.params.starting_after : null));
  }

  const laterSubscriptionsPage = (request: RecordedApiRequest) =>
    request.method === 'GET' && request.path === '/v1/subscriptions' && request.params.starting_after !== undefined;
  const readers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

  it('answers 202 with the job at once, then grants access and records payment no webhook told us about, leaving foreign products alone', async () => {
    const agency = await agencyMissingWebhooks();
    await missedSubscriptions(agency, ['missed-1']);
    // A subscription to something the agency sells outside this suite, on the same Stripe account.
    const stripe = fake.sdk(agency.stripeKey);
    const foreignProduct = await stripe.products.create({ name: 'Printed edition' });
    const foreignPrice = await stripe.prices.create({
      product: foreignProduct.id,
      currency: 'vnd',
      unit_amount: 150000,
      recurring: { interval: 'month' },
    });
    const foreign = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: foreignPrice.id, quantity: 1 }],
      customer_email: 'print@example.vn',
      success_url: 'https://x.vn/ok',
    });
    await fake.completeCheckout(foreign.id);
    expect(await entitlementKeys(agency, 'missed-1')).toEqual([]);

    const started = await startSync(agency);
    expect(started).toMatchObject({ trigger: 'manual', phase: 'subscriptions', finishedAt: null, error: null });
    expect(['queued', 'running']).toContain(started.status);

    const done = await jobEnded(agency, started.id, 'succeeded');
    expect(done).toMatchObject({
      phase: 'gift-checkouts',
      subscriptions: { processed: 2, total: 2, percent: 100 },
      subscriptionsIgnored: 1,
      invoices: { processed: 2, total: 2, percent: 100 },
      payments: { processed: 0, total: 0, percent: 100 },
      error: null,
    });
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!));
    expect(done.ratePerSecond).toBeGreaterThan(0);
    expect(await entitlementKeys(agency, 'missed-1')).toEqual(['ad-free', 'premium-articles']);
    await eventually(async () => expect((await paidInvoices(agency)).map((e) => e.amountPaid)).toEqual(['99000']));

    const again = await startSync(agency);
    expect(again.id).not.toBe(started.id);
    await jobEnded(agency, again.id, 'succeeded');
    expect(await paidInvoices(agency)).toHaveLength(1);
    const history = await agency.api.get<{ items: ProviderSyncJobView[] }>('/v1/subscriptions/sync-jobs');
    expect(history.body.items.map((job) => job.id)).toEqual([again.id, started.id]);
  });

  it('answers the job already running to a second request instead of starting another', async () => {
    const agency = await agencyMissingWebhooks();
    await missedSubscriptions(agency, ['twice-1']);
    const listing = fake.holdRequest(agency.stripeKey, (r) => r.method === 'GET' && r.path === '/v1/subscriptions');

    const first = await startSync(agency);
    await listing.arrived;
    const second = await startSync(agency);
    expect(second).toMatchObject({ id: first.id, status: 'running' });
    listing.release();

    expect(await jobEnded(agency, first.id, 'succeeded')).toMatchObject({
      subscriptions: { processed: 1 },
      invoices: { processed: 1 },
    });
    expect((await agency.api.get<{ items: unknown[] }>('/v1/subscriptions/sync-jobs')).body.items).toHaveLength(1);
  });

  it('walks Stripe page by page, showing progress after each page', async () => {
    const agency = await agencyMissingWebhooks();
    const readerIds = readers('paged', 5);
    const newestFirst = await missedSubscriptions(agency, readerIds);
    const from = fake.apiRequests(agency.stripeKey).length;
    const secondPage = fake.holdRequest(agency.stripeKey, laterSubscriptionsPage);

    const job = await startSync(agency);
    await secondPage.arrived;
    expect(await jobOf(agency, job.id)).toMatchObject({
      status: 'running',
      phase: 'subscriptions',
      subscriptions: { processed: PAGE_SIZE, total: null, percent: null },
      invoices: { processed: 0, total: null, percent: null },
    });
    secondPage.release();

    expect(await jobEnded(agency, job.id, 'succeeded')).toMatchObject({
      subscriptions: { processed: 5, total: 5, percent: 100 },
      subscriptionsIgnored: 0,
      invoices: { processed: 5, total: 5, percent: 100 },
    });
    expect(subscriptionPagesAsked(agency, from)).toEqual([null, newestFirst[1], newestFirst[3]]);
    for (const readerId of readerIds)
      expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);
  });

  it('resumes the job of an instance that went silent from its cursor, without re-reading the pages before it', async () => {
    const agency = await agencyMissingWebhooks();
    const readerIds = readers('resumed', 5);
    const newestFirst = await missedSubscriptions(agency, readerIds);
    const from = fake.apiRequests(agency.stripeKey).length;
    const stuck = fake.holdRequest(agency.stripeKey, laterSubscriptionsPage);
    const [silent] = suite.instances('subscriptions');

    const job = await startSync(agency);
    await stuck.arrived; // the first page is recorded; the instance now waits on Stripe and says nothing more
    await silent
      .get(DataSource)
      .query(`UPDATE subscriptions.provider_sync_jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [
        job.id,
      ]);
    await suite.startInstance('subscriptions');

    const done = await jobEnded(agency, job.id, 'succeeded');
    expect(done).toMatchObject({
      subscriptions: { processed: 5, total: 5, percent: 100 },
      invoices: { processed: 5, total: 5, percent: 100 },
    });
    // The silent instance wakes up, finishes its page and finds the job no longer its own.
    stuck.release();
    await suite.stopInstance('subscriptions', silent);
    expect(await jobOf(agency, job.id)).toEqual(done);

    expect(subscriptionPagesAsked(agency, from)).toEqual([null, newestFirst[1], newestFirst[1], newestFirst[3]]);
    for (const readerId of readerIds)
      expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);
    const paid = await eventually(async () => {
      const events = await paidInvoices(agency);
      expect(new Set(events.map((e) => e.providerInvoiceId)).size).toBe(5);
      return events;
    });
    expect(paid).toHaveLength(5);
  });

  it('hands its job back when an instance stops between pages, and the next instance finishes it from there', async () => {
    const agency = await agencyMissingWebhooks();
    const readerIds = readers('handed', 5);
    const newestFirst = await missedSubscriptions(agency, readerIds);
    const from = fake.apiRequests(agency.stripeKey).length;
    const secondPage = fake.holdRequest(agency.stripeKey, laterSubscriptionsPage);
    const [stopping] = suite.instances('subscriptions');

    const job = await startSync(agency);
    await secondPage.arrived;
    const stopped = suite.stopInstance('subscriptions', stopping);
    secondPage.release();
    await stopped;
    expect(subscriptionPagesAsked(agency, from)).toEqual([null, newestFirst[1]]);

    await suite.startInstance('subscriptions');
    expect(await jobEnded(agency, job.id, 'succeeded')).toMatchObject({
      subscriptions: { processed: 5, total: 5 },
      invoices: { processed: 5, total: 5 },
    });
    expect(subscriptionPagesAsked(agency, from)).toEqual([null, newestFirst[1], newestFirst[3]]);
    for (const readerId of readerIds)
      expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);
  });

  it("fails the job with Stripe's answer when Stripe keeps refusing, and a new request starts over", async () => {
    const agency = await agencyMissingWebhooks();
    await missedSubscriptions(agency, ['refused-1']);
    fake.rateLimit(agency.stripeKey, 1000);

    const failed = await jobEnded(agency, (await startSync(agency)).id, 'failed');
    expect(failed.error).toContain('Request rate limit exceeded');
    expect(failed.finishedAt).not.toBeNull();
    expect(await entitlementKeys(agency, 'refused-1')).toEqual([]);

    fake.rateLimit(agency.stripeKey, 0);
    const from = fake.apiRequests(agency.stripeKey).length;
    const retried = await startSync(agency);
    expect(retried.id).not.toBe(failed.id);
    expect(await jobEnded(agency, retried.id, 'succeeded')).toMatchObject({
      subscriptions: { processed: 1 },
      invoices: { processed: 1 },
      error: null,
    });
    expect(subscriptionPagesAsked(agency, from)).toEqual([null]);
    expect(await entitlementKeys(agency, 'refused-1')).toEqual(['ad-free', 'premium-articles']);
  });

  it("lists jobs newest first within a limit, answers 404 for another agency's job and 400 naming a bad parameter", async () => {
    const [mine, theirs] = [await agencyMissingWebhooks(), await agencyMissingWebhooks()];
    const first = await startSync(mine);
    await jobEnded(mine, first.id, 'succeeded');
    const second = await startSync(mine);
    await jobEnded(mine, second.id, 'succeeded');
    const theirJob = await startSync(theirs);

    const newest = await mine.api.get<{ items: ProviderSyncJobView[] }>('/v1/subscriptions/sync-jobs?limit=1');
    expect(newest.body.items.map((job) => job.id)).toEqual([second.id]);
    const foreign = await mine.api.get(`/v1/subscriptions/sync-jobs/${theirJob.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');

    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=many', 'limit'],
      ['status=running', 'status'],
    ]) {
      const refused = await mine.api.get<{ errors: { field: string }[] }>(`/v1/subscriptions/sync-jobs?${query}`);
      const fields = [...new Set(refused.body.errors?.map((e) => e.field))];
      expect({ query, status: refused.status, fields }).toEqual({ query, status: 400, fields: [field] });
    }
    const badId = await mine.api.get<{ errors: { field: string }[] }>('/v1/subscriptions/sync-jobs/not-a-uuid');
    expect({ status: badId.status, fields: badId.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      fields: ['id'],
    });
  });

  it('refuses to start a sync for an agency with no Stripe account', async () => {
    const agency = await createAgency(new Api(gatewayUrl), suite.operatorToken);
    const response = await agency.api.post('/v1/subscriptions/sync', undefined);
    expect(response.status).toBe(409);
    expect((await agency.api.get<{ items: unknown[] }>('/v1/subscriptions/sync-jobs')).body.items).toEqual([]);
  });

  it('queues one scheduled job per agency and interval, and none while a job is queued or running', async () => {
    const agency = await agencyMissingWebhooks();
    await missedSubscriptions(agency, ['scheduled-1']);
    const schedule = suite.instances('subscriptions')[0].get(ProviderSyncSchedule);
    const jobs = async () =>
      (await agency.api.get<{ items: ProviderSyncJobView[] }>('/v1/subscriptions/sync-jobs')).body.items;

    const listing = fake.holdRequest(agency.stripeKey, (r) => r.method === 'GET' && r.path === '/v1/subscriptions');
    const manual = await startSync(agency);
    await listing.arrived;
    await schedule.enqueueDue();
    expect((await jobs()).map((job) => job.id)).toEqual([manual.id]);
    listing.release();
    await jobEnded(agency, manual.id, 'succeeded');

    await schedule.enqueueDue();
    const [scheduled] = await jobs();
    expect(scheduled).toMatchObject({ trigger: 'scheduled' });
    // Every agency of this file got one; they run one after another.
    expect(await jobEnded(agency, scheduled.id, 'succeeded', 40_000)).toMatchObject({
      subscriptions: { processed: 1 },
      invoices: { processed: 1 },
    });
    expect(await entitlementKeys(agency, 'scheduled-1')).toEqual(['ad-free', 'premium-articles']);

    await schedule.enqueueDue();
    expect(await jobs()).toHaveLength(2);
  });
});

describe('calling Stripe within its limits', () => {
  let fake: FakeStripe;
  let suite: TestSuite;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments'], { STRIPE_API_URL: fake.url });
  });

  afterAll(async () => {
    await suite?.close();
    await fake?.close();
  });

  it('backs off and retries when Stripe answers 429, so the request still succeeds once', async () => {
    const gatewayUrl = await suite.gatewayUrl();
    const agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    fake.rateLimit(agency.stripeKey, 2);
    const product = await agency.api.post('/v1/subscriptions/products', {
      name: 'Premium',
      productType: 'digital-subscription',
      entitlements: ['premium-articles'],
    });
    expect(product.status).toBe(201);
    expect((await fake.sdk(agency.stripeKey).products.list({ limit: 10 })).data).toHaveLength(1);
  });
});
