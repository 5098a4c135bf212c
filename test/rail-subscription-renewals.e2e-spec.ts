import {
  DunningCaseListResponse,
  EntitlementsView,
  InvoiceFinalizedEvent,
  InvoicePaidEvent,
  InvoiceView,
  InvoiceVoidedEvent,
  PaymentAttemptView,
  RailCheckoutView,
  ReaderSubscriptionView,
  RenewalPaymentRequestedEvent,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { addCalendarMonths } from '../apps/subscriptions/src/gifts/calendar-months';
import { SuiteBillingSchedule } from '../apps/subscriptions/src/rail-billing/suite-billing.schedule';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { startFakePayos } from './payos-fake/fake-payos';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { RailFake } from './support/rail-fake';
import { createMonthlyPlan, linkStripe, MonthlyPlan } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';
import { configureRailAccount } from './support/rail-accounts';

type Rail = 'momo' | 'payos';
const CLEARING: Record<Rail, string> = { momo: '1110', payos: '1130' };
const [RECEIVABLE, DEFERRED_REVENUE, VAT_PAYABLE] = ['1300', '2100', '2200'];
const RETURN_URL = 'https://tinnhanh.vn/cam-on';
const DAY_MS = 86_400_000;
const PAYMENT_REQUESTED = 'evt.subscriptions.renewal.payment-requested.v1';

interface Subscribed {
  agency: TestAgency;
  plan: MonthlyPlan;
  readerId: string;
  subscription: ReaderSubscriptionView;
  /** When the first (paid) period ends. */
  end: Date;
}

describe('subscriptions billed by the suite: renewals, dunning, lapse and cancellation', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let gatewayUrl: string;
  const fakes = {} as Record<Rail, RailFake>;
  let momo: FakeMomo;
  let readers = 0;

  beforeAll(async () => {
    [momo, fakes.payos, stripe] = await Promise.all([startFakeMomo(), startFakePayos(), startFakeStripe()]);
    fakes.momo = momo;
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${fakes.momo.url},payos=${fakes.payos.url}`,
    });
    gatewayUrl = await suite.gatewayUrl();
    api = new Api(gatewayUrl);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await Promise.all([...Object.values(fakes), stripe].map((fake) => fake?.close()));
  });

  /** Both instances' engines, as two replicas run them. */
  const engines = () => suite.instances('subscriptions').map((app) => app.get(SuiteBillingSchedule));
  const runAt = (at: Date) => engines()[0].runDue(at);
  const daysFrom = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);

  async function agencyOn(rail: Rail): Promise<{ agency: TestAgency; plan: MonthlyPlan }> {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2020-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
    await configureRailAccount(agency, fakes[rail]);
    return { agency, plan: await createMonthlyPlan(agency) };
  }

  /** The payer opens the pay link, picks the rail and pays, as the hosted page lets them. */
  async function payByLink(payPageUrl: string, rail: Rail): Promise<void> {
    const link = new URL(payPageUrl);
    const attempt = await api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail,
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    await fakes[rail].pay(attempt.body, { notifications: 2 });
  }

  const subscriptionOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;

  const invoicesOf = async (agency: TestAgency, subscriptionId: string) =>
    (await agency.api.get<{ items: InvoiceView[] }>(`/v1/subscriptions/invoices?subscriptionId=${subscriptionId}`)).body
      .items;

  const entitlementKeys = async (agency: TestAgency, readerId: string) =>
    (
      await agency.api.get<EntitlementsView>(`/v1/subscriptions/entitlements?readerId=${readerId}`)
    ).body.entitlements.map((grant) => grant.key);

  const publishedAbout = async <T extends { providerInvoiceId: string }>(subject: string, invoiceId: string) =>
    (await probe.published<T>(subject)).filter((e) => e.data.providerInvoiceId === `suite:${invoiceId}`);

  const payLinksOf = async (subscriptionId: string) =>
    (await probe.published<RenewalPaymentRequestedEvent>(PAYMENT_REQUESTED))
      .map((e) => e.data)
      .filter((data) => data.subscriptionId === subscriptionId);

  /** A reader who bought the plan on the rail and paid its first month. */
  async function subscribed(rail: Rail): Promise<Subscribed> {
    const { agency, plan } = await agencyOn(rail);
    const readerId = `doc-gia-${rail}-${++readers}`;
    const checkout = await agency.api.post<RailCheckoutView>('/v1/subscriptions/rail-checkouts', {
      planId: plan.planId,
      readerId,
      returnUrl: RETURN_URL,
    });
    expect(checkout.status).toBe(201);
    await payByLink(checkout.body.payPageUrl!, rail);
    const subscription = await eventually(async () => {
      const current = await subscriptionOf(agency, checkout.body.subscriptionId);
      expect(current.status).toBe('active');
      return current;
    });
    return { agency, plan, readerId, subscription, end: new Date(subscription.currentPeriodEnd) };
  }

  /**
   * A MoMo reader's wallet, saved as they paid the first period, declines the renewal's charge, so that
   * they are sent the pay link (a charge that pays: rail-subscription-token-renewals.e2e-spec.ts).
   */

  /** The renewal billed for the period after `end`, once the engine billed it. */
  async function renewalOf(agency: TestAgency, subscriptionId: string, end: Date): Promise<InvoiceView> {
    const renewals = (await invoicesOf(agency, subscriptionId)).filter(
      (invoice) => invoice.servicePeriodStart === end.toISOString(),
    );
    expect(renewals).toHaveLength(1);
    return renewals[0];
  }

  describe.each(['momo', 'payos'] as const)('on %s', (rail) => {
    it('bills the renewal ahead of the period end, sends its pay link once, and continues the period from the old end when paid', async () => {
      const { agency, readerId, subscription, end } = await subscribed(rail);

      await Promise.all(engines().map((engine) => engine.runDue(daysFrom(end, -3.5))));
      expect(await invoicesOf(agency, subscription.id)).toHaveLength(1);

      // Two instances at once, then again: one renewal, one pay link.
      await Promise.all(engines().map((engine) => engine.runDue(daysFrom(end, -2))));
      await runAt(daysFrom(end, -1.9));
      const renewal = await renewalOf(agency, subscription.id, end);
      expect(renewal).toMatchObject({
        status: 'open',
        amountDue: '99000',
        tax: '9000',
        servicePeriodEnd: addCalendarMonths(end, 1).toISOString(),
      });
      const finalized = await eventually(async () => {
        const events = await publishedAbout<InvoiceFinalizedEvent>(
          'evt.subscriptions.invoice.finalized.v1',
          renewal.id,
        );
        expect(events).toHaveLength(1);
        return events[0].data;
      });
      expect(finalized).toMatchObject({ amountDue: '99000', tax: '9000', servicePeriodStart: end.toISOString() });
      const links = await eventually(async () => {
        const sent = await payLinksOf(subscription.id);
        expect(sent).toHaveLength(1);
        return sent;
      });
      expect(links[0]).toMatchObject({
        invoiceId: renewal.id,
        readerKey: `reader:${readerId}`,
        amount: '99000',
        currency: 'VND',
        dueDate: end.toISOString(),
        reminder: 0,
      });
      const payment = (
        await agency.api.get<{ id: string; amount: string; purpose: unknown }>(
          `/v1/payments/payments?stream=subscriptions`,
        )
      ).body;
      expect(JSON.stringify(payment)).toContain(renewal.id);

      await payByLink(links[0].payPageUrl, rail);
      const renewed = await eventually(async () => {
        const current = await subscriptionOf(agency, subscription.id);
        expect(current.currentPeriodStart).toBe(end.toISOString());
        return current;
      });
      expect(renewed).toMatchObject({ status: 'active', currentPeriodEnd: addCalendarMonths(end, 1).toISOString() });
      const paidEvents = await eventually(async () => {
        const events = await publishedAbout<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1', renewal.id);
        expect(events).toHaveLength(1);
        return events;
      });
      const renewalPaymentId = paidEvents[0].data.paymentId!;
      expect(renewalPaymentId).toEqual(expect.any(String));
      expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'paid', amountPaid: '99000' });
      expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);

      // Books: a second billing entry and a second cash entry.
      const journal = await eventually(async () => {
        const entries = await journalOf(agency);
        expect(entries.map((e) => e.sourceKey)).toEqual(
          expect.arrayContaining([`invoice-finalized:suite:${renewal.id}`, `payment-succeeded:${renewalPaymentId}`]),
        );
        return entries;
      });
      const postingsOf = (sourceKey: string) =>
        journal.find((e) => e.sourceKey === sourceKey)!.postings.map((p) => [p.accountCode, p.amount]);
      expect(postingsOf(`invoice-finalized:suite:${renewal.id}`)).toEqual(
        expect.arrayContaining([
          [RECEIVABLE, '99000'],
          [VAT_PAYABLE, '-9000'],
          [DEFERRED_REVENUE, '-90000'],
        ]),
      );
      expect(postingsOf(`payment-succeeded:${renewalPaymentId}`)).toEqual(
        expect.arrayContaining([
          [CLEARING[rail], '99000'],
          [RECEIVABLE, '-99000'],
        ]),
      );
      expect(journal.filter((e) => e.sourceKey.startsWith('invoice-finalized:'))).toHaveLength(2);

      // The period moved on: nothing is due at the old end.
      expect((await runAt(daysFrom(end, 0.5))).subscriptions).toBe(0);
      expect((await subscriptionOf(agency, subscription.id)).status).toBe('active');
    });
  });

  it('falls past due at the period end, sends reminders, and lapses at the end of grace: invoice voided, access ended, books reversed; a late payment is held', async () => {
    const { agency, readerId, subscription, end } = await subscribed('momo');
    await runAt(daysFrom(end, -2));
    const renewal = await renewalOf(agency, subscription.id, end);

    await runAt(daysFrom(end, 0.01));
    const pastDue = await subscriptionOf(agency, subscription.id);
    expect(pastDue).toMatchObject({ status: 'past_due', currentPeriodStart: end.toISOString() });
    const cases = await agency.api.get<DunningCaseListResponse>('/v1/subscriptions/dunning-cases');
    expect(cases.body.items).toEqual([
      expect.objectContaining({ invoiceId: renewal.id, status: 'open', retryDays: [1, 3, 5], attemptsMade: 0 }),
    ]);
    expect(cases.body.items[0].nextRetryAt).toBe(daysFrom(end, 1).toISOString());

    await runAt(daysFrom(end, 1));
    await runAt(daysFrom(end, 1.5));
    await runAt(daysFrom(end, 3));
    const reminders = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent.map((link) => link.reminder)).toEqual([0, 1, 2]);
      return sent;
    });
    expect(new Set(reminders.map((link) => link.payPageUrl)).size).toBe(1);

    await runAt(daysFrom(end, 6.9));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('past_due');
    await runAt(daysFrom(end, 7));
    expect(await subscriptionOf(agency, subscription.id)).toMatchObject({ status: 'canceled' });
    expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'void' });
    expect(await entitlementKeys(agency, readerId)).toEqual([]);
    const voided = await eventually(async () => {
      const events = await publishedAbout<InvoiceVoidedEvent>('evt.subscriptions.invoice.voided.v1', renewal.id);
      expect(events).toHaveLength(1);
      return events[0].data;
    });
    expect(voided).toMatchObject({ amount: '99000', tax: '9000', reason: 'void' });
    const closed = (await agency.api.get<DunningCaseListResponse>('/v1/subscriptions/dunning-cases?status=exhausted'))
      .body.items;
    expect(closed).toEqual([
      expect.objectContaining({ invoiceId: renewal.id, attemptsMade: 3, finalAction: 'cancel', latePaymentId: null }),
    ]);
    const reversal = await eventually(async () => {
      const entry = (await journalOf(agency)).find((e) => e.sourceKey === `invoice-voided:suite:${renewal.id}`);
      expect(entry).toBeDefined();
      return entry!;
    });
    expect(reversal.postings.map((p) => [p.accountCode, p.amount])).toEqual(
      expect.arrayContaining([
        [RECEIVABLE, '-99000'],
        [VAT_PAYABLE, '9000'],
      ]),
    );

    // The reader pays after the lapse: the money is not applied, and staff see it on the case.
    await payByLink(reminders[0].payPageUrl, 'momo');
    const held = await eventually(async () => {
      const items = (await agency.api.get<DunningCaseListResponse>('/v1/subscriptions/dunning-cases?status=exhausted'))
        .body.items;
      expect(items[0].latePaymentId).toEqual(expect.any(String));
      return items[0];
    });
    expect(held.invoiceId).toBe(renewal.id);
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('canceled');
    expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'void' });
    expect(await publishedAbout('evt.subscriptions.invoice.paid.v1', renewal.id)).toHaveLength(0);
  });

  it('reactivates a past-due subscription paid during grace, for the period that started at the old end', async () => {
    const { agency, readerId, subscription, end } = await subscribed('payos');
    await runAt(daysFrom(end, -2));
    await runAt(daysFrom(end, 0.5));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('past_due');
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });

    await payByLink(link.payPageUrl, 'payos');
    const active = await eventually(async () => {
      const current = await subscriptionOf(agency, subscription.id);
      expect(current.status).toBe('active');
      return current;
    });
    expect(active).toMatchObject({
      currentPeriodStart: end.toISOString(),
      currentPeriodEnd: addCalendarMonths(end, 1).toISOString(),
    });
    const recovered = (
      await agency.api.get<DunningCaseListResponse>('/v1/subscriptions/dunning-cases?status=recovered')
    ).body.items;
    expect(recovered).toEqual([expect.objectContaining({ invoiceId: link.invoiceId, closedReason: 'invoice paid' })]);
    expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);
    // Grace has no end left to reach.
    await runAt(daysFrom(end, 8));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('active');
  });

  it('cancelled at period end: no renewal is billed, access until the end, then cancelled', async () => {
    const { agency, readerId, subscription, end } = await subscribed('momo');
    const cancel = await agency.api.post<ReaderSubscriptionView>(
      `/v1/subscriptions/subscriptions/${subscription.id}/cancel`,
      { atPeriodEnd: true },
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);

    await runAt(daysFrom(end, -2));
    expect(await invoicesOf(agency, subscription.id)).toHaveLength(1);
    await runAt(daysFrom(end, 0.01));
    expect(await subscriptionOf(agency, subscription.id)).toMatchObject({ status: 'canceled' });
    expect(await invoicesOf(agency, subscription.id)).toHaveLength(1);
    expect(await payLinksOf(subscription.id)).toEqual([]);
    expect(await entitlementKeys(agency, readerId)).toEqual([]);
  });

  it('cancelled now: access ends now, an open renewal is voided, nothing is refunded', async () => {
    const { agency, readerId, subscription, end } = await subscribed('payos');
    await runAt(daysFrom(end, -2));
    const renewal = await renewalOf(agency, subscription.id, end);

    const cancel = await agency.api.post<ReaderSubscriptionView>(
      `/v1/subscriptions/subscriptions/${subscription.id}/cancel`,
      { atPeriodEnd: false },
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'canceled' });
    expect(await entitlementKeys(agency, readerId)).toEqual([]);
    expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'void' });
    await eventually(async () =>
      expect(await publishedAbout('evt.subscriptions.invoice.voided.v1', renewal.id)).toHaveLength(1),
    );
    const changed = (
      await probe.published<{ subscriptionId: string; status: string }>('evt.subscriptions.subscription.changed.v1')
    ).filter((e) => e.data.subscriptionId === subscription.id);
    expect(changed.at(-1)?.data.status).toBe('canceled');
    const payments = (await agency.api.get<{ items: { status: string }[] }>('/v1/payments/payments')).body.items;
    expect(payments.map((p) => p.status)).not.toContain('refunded');
    // Nothing more is billed or chased.
    await runAt(daysFrom(end, 8));
    expect(await invoicesOf(agency, subscription.id)).toHaveLength(2);
  });

  it('refuses to cancel a subscription of another agency', async () => {
    const { subscription } = await subscribed('momo');
    const { agency: other } = await agencyOn('momo');
    const cancel = await other.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, {
      atPeriodEnd: false,
    });
    expect(cancel.status).toBe(404);
  });
});
