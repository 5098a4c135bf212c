import { DataSource } from 'typeorm';
import {
  DunningCaseView,
  InvoiceFinalizedEvent,
  InvoicePaidEvent,
  InvoiceView,
  InvoiceVoidedEvent,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { DunningRetrySchedule } from '../apps/subscriptions/src/dunning/dunning-retry.schedule';
import { FakeStripe, WireEvent } from './stripe-fake';
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

const DAY_MS = 86_400_000;
const FINALIZED = 'evt.subscriptions.invoice.finalized.v1';
const PAID = 'evt.subscriptions.invoice.paid.v1';
const VOIDED = 'evt.subscriptions.invoice.voided.v1';

interface Grant {
  reason: string;
}

describe('invoices through their lifecycle, and dunning retries scheduled by the suite', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;
  let scheduler: DunningRetrySchedule;
  let db: DataSource;

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, suite, probe, agency } = world);
    plan = await createMonthlyPlan(agency);
    scheduler = suite.instances('subscriptions')[0].get(DunningRetrySchedule);
    db = suite.instances('subscriptions')[0].get(DataSource);
  });

  afterAll(() => world?.close());

  /** A new reader subscribes and pays; answers the provider's subscription id and ours. */
  async function subscribe(readerId: string): Promise<{ providerId: string; subscriptionId: string }> {
    const completed = await fake.completeCheckout(await openCheckout(agency, plan.planId, { readerId }));
    const subscriptionId = await eventually(async () => {
      const [subscription] = (
        await agency.api.get<{ items: { id: string; status: string }[] }>(
          `/v1/subscriptions/subscriptions?readerId=${readerId}`,
        )
      ).body.items;
      expect(subscription?.status).toBe('active');
      return subscription.id;
    });
    return { providerId: String(completed.object.subscription), subscriptionId };
  }

  async function setPolicy(retryDays: number[], afterFinalFailure: 'cancel' | 'pause'): Promise<void> {
    await eventually(async () => {
      const updated = await agency.api.send('PUT', '/v1/subscriptions/billing-settings/dunning', {
        retryDays,
        graceDays: 7,
        afterFinalFailure,
      });
      expect(updated.status).toBe(200);
    });
  }

  /** Every webhook sent so far has been answered and processed. */
  async function settled(): Promise<void> {
    await fake.webhooksSettled();
    await eventually(async () => {
      const [{ waiting }] = await db.query(
        'SELECT count(*)::int AS waiting FROM subscriptions.provider_notifications WHERE tenant_id = $1 AND processed_at IS NULL AND failed_at IS NULL',
        [agency.tenantId],
      );
      expect(waiting).toBe(0);
    });
  }

  /** The money facts about one invoice recorded for publication (the outbox is what the relay publishes, once each). */
  async function factsAbout(subject: string, providerInvoiceId: string): Promise<unknown[]> {
    const rows: { data: unknown }[] = await db.query(
      "SELECT envelope->'data' AS data FROM subscriptions.outbox WHERE subject = $1 AND envelope->'data'->>'providerInvoiceId' = $2",
      [subject, providerInvoiceId],
    );
    return rows.map((row) => row.data);
  }

  async function publishedAbout<T extends { providerInvoiceId: string }>(
    subject: string,
    providerInvoiceId: string,
  ): Promise<T[]> {
    return (await probe.published<T>(subject))
      .filter((event) => event.data.providerInvoiceId === providerInvoiceId)
      .map((event) => event.data);
  }

  async function invoiceOf(providerInvoiceId: string): Promise<InvoiceView> {
    const listed = await agency.api.get<{ items: InvoiceView[] }>(`/v1/subscriptions/invoices?limit=100`);
    const invoice = listed.body.items.find((item) => item.providerInvoiceId === providerInvoiceId);
    if (!invoice) throw new Error(`invoice ${providerInvoiceId} not listed`);
    return invoice;
  }

  async function caseOf(providerInvoiceId: string): Promise<DunningCaseView> {
    for (const status of ['open', 'recovered', 'exhausted', 'closed']) {
      const listed = await agency.api.get<{ items: DunningCaseView[] }>(
        `/v1/subscriptions/dunning-cases?status=${status}&limit=100`,
      );
      const found = listed.body.items.find((item) => item.providerInvoiceId === providerInvoiceId);
      if (found) return (await agency.api.get<DunningCaseView>(`/v1/subscriptions/dunning-cases/${found.id}`)).body;
    }
    throw new Error(`no dunning case for invoice ${providerInvoiceId}`);
  }

  const grantsOf = async (readerId: string) =>
    (
      await agency.api.get<{ entitlements: Grant[] }>(`/v1/subscriptions/entitlements?readerId=${readerId}`)
    ).body.entitlements.map((g) => g.reason);
  const statusOf = async (readerId: string) =>
    (await agency.api.get<{ items: { status: string }[] }>(`/v1/subscriptions/subscriptions?readerId=${readerId}`)).body
      .items[0]?.status;
  const redeliver = (event: WireEvent, id = event.id) =>
    fake.deliver({ ...event, id }, { url: agency.webhookUrl, secret: agency.webhookSecret });
  const at = (base: string, days: number, offsetMs = 0) =>
    new Date(new Date(base).getTime() + days * DAY_MS + offsetMs);

  it('shows a finalized invoice as open, bills it once however often the webhook comes, and keeps it paid once paid', async () => {
    const { providerId, subscriptionId } = await subscribe('billed-reader');
    const renewal = await fake.renew(providerId, { paymentSucceeds: false });
    const invoiceId = String(renewal.object.latest_invoice);
    const finalizedEvent = renewal.events.find((event) => event.type === 'invoice.finalized')!;

    const open = await eventually(async () => {
      const invoice = await invoiceOf(invoiceId);
      expect(invoice.status).toBe('open');
      return invoice;
    });
    expect(open).toMatchObject({
      subscriptionId,
      currency: 'VND',
      amountDue: '99000',
      amountPaid: '0',
      tax: '0',
      paidAt: null,
      dueDate: null,
    });
    expect(open.finalizedAt).not.toBeNull();
    expect((await agency.api.get(`/v1/subscriptions/invoices/${open.id}`)).body).toEqual(open);
    const [billed] = await eventually(async () => {
      const events = await publishedAbout<InvoiceFinalizedEvent>(FINALIZED, invoiceId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(billed).toMatchObject({
      subscriptionId,
      planId: plan.planId,
      priceId: plan.priceId,
      currency: 'VND',
      amountDue: '99000',
      tax: '0',
      finalizedAt: open.finalizedAt,
    });
    expect(billed.servicePeriodStart).toBe(open.servicePeriodStart);

    expect(JSON.parse((await redeliver(finalizedEvent)).body)).toEqual({ received: true, duplicate: true });
    await eventually(async () => expect((await caseOf(invoiceId)).status).toBe('open'));
    await fake.recoverPayment(providerId);
    await eventually(async () => expect((await invoiceOf(invoiceId)).status).toBe('paid'));
    // Delivered once more after the payment, as a new event: the invoice stays paid and is billed no second time.
    expect(JSON.parse((await redeliver(finalizedEvent, `${finalizedEvent.id}_late`)).body)).toEqual({
      received: true,
      duplicate: false,
    });
    await settled();
    expect(await invoiceOf(invoiceId)).toMatchObject({ status: 'paid', amountPaid: '99000' });
    expect(await factsAbout(FINALIZED, invoiceId)).toHaveLength(1);
    expect(await factsAbout(PAID, invoiceId)).toHaveLength(1);
    expect(await caseOf(invoiceId)).toMatchObject({
      status: 'recovered',
      closedReason: 'invoice paid',
      nextRetryAt: null,
    });
  });

  it('bills and collects an invoice whose invoice.paid arrives first, or alone', async () => {
    const { providerId } = await subscribe('paid-first-reader');
    fake.setWebhookEndpoint(agency.stripeKey, 'http://127.0.0.1:9/nowhere', agency.webhookSecret);
    const renewal = await fake.renew(providerId);
    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    const invoiceId = String(renewal.object.latest_invoice);
    const paidEvent = renewal.events.find((event) => event.type === 'invoice.paid')!;
    await redeliver(paidEvent);
    await eventually(async () => expect((await invoiceOf(invoiceId)).status).toBe('paid'));
    await settled();
    expect(await factsAbout(FINALIZED, invoiceId)).toHaveLength(1);
    expect(await factsAbout(PAID, invoiceId)).toHaveLength(1);

    await redeliver(renewal.events.find((event) => event.type === 'invoice.finalized')!);
    await settled();
    expect((await invoiceOf(invoiceId)).status).toBe('paid');
    expect(await factsAbout(FINALIZED, invoiceId)).toHaveLength(1);
    await eventually(async () => expect(await publishedAbout(PAID, invoiceId)).toHaveLength(1));
  });

  it('writes off a voided invoice once and ends its dunning case; an uncollectible one voided later is written off once too', async () => {
    const { providerId } = await subscribe('voided-reader');
    const voidedId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    await eventually(async () => expect((await caseOf(voidedId)).status).toBe('open'));
    await fake.sdk(agency.stripeKey).invoices.voidInvoice(voidedId);
    const [written] = await eventually(async () => {
      const events = await publishedAbout<InvoiceVoidedEvent>(VOIDED, voidedId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(written).toMatchObject({ reason: 'void', amount: '99000', tax: '0', currency: 'VND', planId: plan.planId });
    expect(await invoiceOf(voidedId)).toMatchObject({ status: 'void' });
    expect(await caseOf(voidedId)).toMatchObject({ status: 'closed', closedReason: 'invoice void' });

    const uncollectibleId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    await eventually(async () => expect((await caseOf(uncollectibleId)).status).toBe('open'));
    await fake.sdk(agency.stripeKey).invoices.markUncollectible(uncollectibleId);
    await eventually(async () => expect((await invoiceOf(uncollectibleId)).status).toBe('uncollectible'));
    await fake.sdk(agency.stripeKey).invoices.voidInvoice(uncollectibleId);
    await eventually(async () => expect((await invoiceOf(uncollectibleId)).status).toBe('void'));
    await settled();
    expect(await factsAbout(VOIDED, uncollectibleId)).toEqual([
      expect.objectContaining({ reason: 'uncollectible', amount: '99000' }),
    ]);
    expect(await factsAbout(VOIDED, voidedId)).toHaveLength(1);
    expect(await factsAbout(PAID, voidedId)).toHaveLength(0);
    expect(await caseOf(uncollectibleId)).toMatchObject({ status: 'closed', closedReason: 'invoice uncollectible' });
  });

  it("keeps a policy's retry days in order, once each", async () => {
    const policy = await eventually(async () => {
      const updated = await agency.api.send('PUT', '/v1/subscriptions/billing-settings/dunning', {
        retryDays: [5, 1, 3, 3],
        graceDays: 7,
        afterFinalFailure: 'cancel',
      });
      expect(updated.status).toBe(200);
      return updated;
    });
    expect(policy.body).toMatchObject({ dunning: { retryDays: [1, 3, 5], graceDays: 7, afterFinalFailure: 'cancel' } });
  });

  it('retries a failed renewal on the policy days until the replaced card pays, keeping the reader reading meanwhile', async () => {
    await setPolicy([1, 3, 5], 'cancel');
    const { providerId } = await subscribe('recovering-reader');
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const found = await caseOf(invoiceId);
      expect(found.status).toBe('open');
      return found;
    });
    expect(opened).toMatchObject({
      readerKey: 'reader:recovering-reader',
      retryDays: [1, 3, 5],
      attemptsMade: 0,
      amountDue: '99000',
      currency: 'VND',
    });
    expect(opened.nextRetryAt).toBe(at(opened.openedAt, 1).toISOString());
    await eventually(async () =>
      expect(await grantsOf('recovering-reader')).toEqual(['past_due (grace)', 'past_due (grace)']),
    );

    expect(await scheduler.runDue(at(opened.openedAt, 1, -60_000))).toBe(0);
    expect(await caseOf(invoiceId)).toMatchObject({ attemptsMade: 0, nextRetryAt: opened.nextRetryAt });
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(1);

    expect(await scheduler.runDue(at(opened.openedAt, 1))).toBe(1);
    const afterFirst = await caseOf(invoiceId);
    expect(afterFirst).toMatchObject({
      status: 'open',
      attemptsMade: 1,
      nextRetryAt: at(opened.openedAt, 3).toISOString(),
    });
    expect(afterFirst.lastFailure).toContain('card_declined');
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(2);

    // Stripe's own retry fails too: no retry of the suite's is added or moved.
    await fake.failPayment(providerId);
    await settled();
    expect(await caseOf(invoiceId)).toMatchObject({
      status: 'open',
      attemptsMade: 1,
      nextRetryAt: afterFirst.nextRetryAt,
    });
    expect(await grantsOf('recovering-reader')).toEqual(['past_due (grace)', 'past_due (grace)']);

    await fake.updateCard(providerId);
    expect(await scheduler.runDue(at(opened.openedAt, 3))).toBe(1);
    expect(await caseOf(invoiceId)).toMatchObject({
      status: 'recovered',
      attemptsMade: 2,
      nextRetryAt: null,
      closedReason: 'invoice paid',
    });
    await eventually(async () => {
      expect(await statusOf('recovering-reader')).toBe('active');
      expect(await grantsOf('recovering-reader')).toEqual(['active', 'active']);
    });
    const [collected] = await eventually(async () => {
      const events = await publishedAbout<InvoicePaidEvent>(PAID, invoiceId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(collected).toMatchObject({ amountPaid: '99000', currency: 'VND', planId: plan.planId });
    await settled();
    expect(await factsAbout(PAID, invoiceId)).toHaveLength(1);
    // The renewal, the suite's two retries and Stripe's own one; nothing after the recovery.
    expect(await scheduler.runDue(at(opened.openedAt, 5))).toBe(0);
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(4);
  });

  it('cancels the subscription when the last retry fails, as the policy says, and marks the case exhausted', async () => {
    await setPolicy([1, 3, 5], 'cancel');
    const { providerId } = await subscribe('lapsing-reader');
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const found = await caseOf(invoiceId);
      expect(found.status).toBe('open');
      return found;
    });
    for (const [day, attempts] of [
      [1, 1],
      [3, 2],
    ] as const) {
      expect(await scheduler.runDue(at(opened.openedAt, day))).toBe(1);
      expect(await caseOf(invoiceId)).toMatchObject({ status: 'open', attemptsMade: attempts });
      expect(await statusOf('lapsing-reader')).toBe('past_due');
    }
    expect(await scheduler.runDue(at(opened.openedAt, 5))).toBe(1);
    expect(await caseOf(invoiceId)).toMatchObject({
      status: 'exhausted',
      attemptsMade: 3,
      finalAction: 'cancel',
      closedReason: 'retries exhausted',
      nextRetryAt: null,
    });
    expect((await fake.sdk(agency.stripeKey).subscriptions.retrieve(providerId)).status).toBe('canceled');
    await eventually(async () => {
      expect(await statusOf('lapsing-reader')).toBe('canceled');
      expect(await grantsOf('lapsing-reader')).toEqual([]);
    });
    await settled();
    expect(await caseOf(invoiceId)).toMatchObject({ status: 'exhausted' });
    expect(await factsAbout(PAID, invoiceId)).toHaveLength(0);
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(4);
  });

  it('pauses instead when the policy says pause', async () => {
    await setPolicy([2], 'pause');
    const { providerId } = await subscribe('paused-reader');
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const found = await caseOf(invoiceId);
      expect(found).toMatchObject({ status: 'open', retryDays: [2] });
      return found;
    });
    expect(opened.nextRetryAt).toBe(at(opened.openedAt, 2).toISOString());
    expect(await scheduler.runDue(at(opened.openedAt, 2))).toBe(1);
    expect(await caseOf(invoiceId)).toMatchObject({ status: 'exhausted', attemptsMade: 1, finalAction: 'pause' });
    await eventually(async () => {
      expect(await statusOf('paused-reader')).toBe('paused');
      expect(await grantsOf('paused-reader')).toEqual([]);
    });
  });

  it('closes the case of a subscription cancelled elsewhere, retrying nothing more', async () => {
    await setPolicy([1, 3, 5], 'cancel');
    const { providerId } = await subscribe('leaving-reader');
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const found = await caseOf(invoiceId);
      expect(found.status).toBe('open');
      return found;
    });
    await fake.cancelNow(providerId);
    await eventually(async () =>
      expect(await caseOf(invoiceId)).toMatchObject({ status: 'closed', closedReason: 'subscription canceled' }),
    );
    expect(await scheduler.runDue(at(opened.openedAt, 5))).toBe(0);
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(1);
  });

  it('recovers the case without paying again when the invoice was paid elsewhere and its webhook is late', async () => {
    await setPolicy([1, 3, 5], 'cancel');
    const { providerId } = await subscribe('portal-payer');
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const found = await caseOf(invoiceId);
      expect(found.status).toBe('open');
      return found;
    });
    fake.setWebhookEndpoint(agency.stripeKey, 'http://127.0.0.1:9/nowhere', agency.webhookSecret);
    await fake.recoverPayment(providerId);
    fake.setWebhookEndpoint(agency.stripeKey, agency.webhookUrl, agency.webhookSecret);
    expect(await scheduler.runDue(at(opened.openedAt, 1))).toBe(1);
    expect(await caseOf(invoiceId)).toMatchObject({
      status: 'recovered',
      attemptsMade: 0,
      closedReason: 'invoice paid',
    });
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(2);
  });

  it('passes by a case another instance holds, and makes a due retry once when two instances run at the same instant', async () => {
    await setPolicy([1, 3, 5], 'cancel');
    const { providerId } = await subscribe('contended-reader');
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const found = await caseOf(invoiceId);
      expect(found.status).toBe('open');
      return found;
    });
    const other = (await suite.startInstance('subscriptions')).get(DunningRetrySchedule);
    // While one instance holds the case (this transaction stands in for its retry), the other passes it by.
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM subscriptions.dunning_cases WHERE id = $1 FOR UPDATE', [opened.id]);
      expect(await other.runDue(at(opened.openedAt, 1))).toBe(0);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    const handled = await Promise.all([scheduler.runDue(at(opened.openedAt, 1)), other.runDue(at(opened.openedAt, 1))]);
    expect(handled[0] + handled[1]).toBe(1);
    expect(await caseOf(invoiceId)).toMatchObject({ status: 'open', attemptsMade: 1 });
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(2);
    await fake.cancelNow(providerId);
    await eventually(async () => expect((await caseOf(invoiceId)).status).toBe('closed'));
  });

  it('lists invoices newest first by subscription and status, a bounded page at a time', async () => {
    const { providerId, subscriptionId } = await subscribe('paging-reader');
    await fake.renew(providerId);
    const mine = await eventually(async () => {
      const listed = await agency.api.get<{ items: InvoiceView[] }>(
        `/v1/subscriptions/invoices?subscriptionId=${subscriptionId}`,
      );
      expect(listed.body.items).toHaveLength(2);
      return listed.body.items;
    });
    expect(mine.every((invoice) => invoice.subscriptionId === subscriptionId && invoice.status === 'paid')).toBe(true);
    expect(new Date(mine[0].recordedAt).getTime()).toBeGreaterThanOrEqual(new Date(mine[1].recordedAt).getTime());

    const first = await agency.api.get<{ items: InvoiceView[]; nextBefore: string }>(
      `/v1/subscriptions/invoices?subscriptionId=${subscriptionId}&limit=1`,
    );
    expect(first.body.items.map((invoice) => invoice.id)).toEqual([mine[0].id]);
    const second = await agency.api.get<{ items: InvoiceView[]; nextBefore: string | null }>(
      `/v1/subscriptions/invoices?subscriptionId=${subscriptionId}&limit=1&before=${first.body.nextBefore}`,
    );
    expect(second.body.items.map((invoice) => invoice.id)).toEqual([mine[1].id]);
    const last = await agency.api.get<{ items: InvoiceView[]; nextBefore: string | null }>(
      `/v1/subscriptions/invoices?subscriptionId=${subscriptionId}&limit=1&before=${second.body.nextBefore}`,
    );
    expect(last.body).toEqual({ items: [], nextBefore: null });

    const open = await agency.api.get<{ items: InvoiceView[] }>('/v1/subscriptions/invoices?status=open');
    expect(open.body.items.every((invoice) => invoice.status === 'open')).toBe(true);
    expect(open.body.items.some((invoice) => invoice.subscriptionId === subscriptionId)).toBe(false);
  });

  it('refuses bad filters with a 400 naming the field, and unknown ids with a 404', async () => {
    for (const [path, field] of [
      ['/v1/subscriptions/invoices?status=lost', 'status'],
      ['/v1/subscriptions/invoices?subscriptionId=42', 'subscriptionId'],
      ['/v1/subscriptions/invoices?limit=1000', 'limit'],
      ['/v1/subscriptions/invoices?before=yesterday', 'before'],
      ['/v1/subscriptions/dunning-cases?status=forgiven', 'status'],
      ['/v1/subscriptions/dunning-cases?limit=0', 'limit'],
    ]) {
      const refused = await agency.api.get<{ errors: { field: string }[] }>(path);
      expect({ path, status: refused.status, fields: refused.body.errors?.map((e) => e.field) }).toEqual({
        path,
        status: 400,
        fields: [field],
      });
    }
    for (const path of [
      '/v1/subscriptions/invoices/00000000-0000-4000-8000-000000000000',
      '/v1/subscriptions/dunning-cases/00000000-0000-4000-8000-000000000000',
    ]) {
      const missing = await agency.api.get(path);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
