import {
  InvoicePaidEvent,
  InvoiceView,
  PaymentAccountView,
  PaymentAttemptView,
  PaymentView,
  RailCheckoutView,
  ReaderSubscriptionView,
  RenewalPaymentRequestedEvent,
  SavedTokenListResponse,
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
import { createMonthlyPlan, linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

type Rail = 'momo' | 'payos';
const RETURN_URL = 'https://tinnhanh.vn/cam-on';
const DAY_MS = 86_400_000;
const PAYMENT_REQUESTED = 'evt.subscriptions.renewal.payment-requested.v1';

interface Subscribed {
  agency: TestAgency;
  readerId: string;
  subscription: ReaderSubscriptionView;
  /** When the first (paid) period ends. */
  end: Date;
}

describe('renewals of subscriptions billed by the suite, charged to the saved wallet where the rail saved one', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let gatewayUrl: string;
  let momo: FakeMomo;
  let payos: RailFake;
  let readers = 0;

  beforeAll(async () => {
    [momo, payos, stripe] = await Promise.all([startFakeMomo(), startFakePayos(), startFakeStripe()]);
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${momo.url},payos=${payos.url}`,
    });
    gatewayUrl = await suite.gatewayUrl();
    api = new Api(gatewayUrl);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await Promise.all([momo, payos, stripe].map((fake) => fake?.close()));
  });

  const fakeOf = (rail: Rail): RailFake => (rail === 'momo' ? momo : payos);
  /** Both instances' engines, as two replicas run them. */
  const engines = () => suite.instances('subscriptions').map((app) => app.get(SuiteBillingSchedule));
  const runAt = (at: Date) => engines()[0].runDue(at);
  const daysFrom = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);

  async function agencyOn(rail: Rail): Promise<TestAgency> {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2020-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
    const credentials = fakeOf(rail).merchant();
    const account = await eventually(async () => {
      const response = await agency.api.put<PaymentAccountView>(`/v1/payments/accounts/${rail}`, {
        environment: 'sandbox',
        enabled: true,
        savesWallets: rail === 'momo',
        credentials,
      });
      if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    });
    fakeOf(rail).setNotificationUrl(credentials, account.notificationUrl);
    return agency;
  }

  async function payByLink(payPageUrl: string, rail: Rail): Promise<void> {
    const link = new URL(payPageUrl);
    const attempt = await api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail,
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    await fakeOf(rail).pay(attempt.body, { notifications: 2 });
  }

  const subscriptionOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;

  const walletsOf = async (agency: TestAgency, readerId: string) =>
    (
      await agency.api.get<SavedTokenListResponse>(
        `/v1/payments/saved-tokens?payerKey=${encodeURIComponent(`reader:${readerId}`)}`,
      )
    ).body.items;

  /** The renewal billed for the period after `end`. */
  async function renewalOf(agency: TestAgency, subscriptionId: string, end: Date): Promise<InvoiceView> {
    const invoices = (
      await agency.api.get<{ items: InvoiceView[] }>(`/v1/subscriptions/invoices?subscriptionId=${subscriptionId}`)
    ).body.items;
    const renewals = invoices.filter((invoice) => invoice.servicePeriodStart === end.toISOString());
    expect(renewals).toHaveLength(1);
    return renewals[0];
  }

  const paymentOfInvoice = async (agency: TestAgency, invoiceId: string) => {
    const payments = (await agency.api.get<{ items: PaymentView[] }>('/v1/payments/payments?stream=subscriptions')).body
      .items;
    const found = payments.filter((payment) => payment.purpose.reference === invoiceId);
    expect(found).toHaveLength(1);
    return found[0];
  };

  const paidEventsOf = async (invoiceId: string) =>
    (await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1')).filter(
      (e) => e.data.providerInvoiceId === `suite:${invoiceId}`,
    );

  const payLinksOf = async (subscriptionId: string) =>
    (await probe.published<RenewalPaymentRequestedEvent>(PAYMENT_REQUESTED))
      .map((e) => e.data)
      .filter((data) => data.subscriptionId === subscriptionId);

  /** A reader who bought the plan on the rail and paid its first month. */
  async function subscribed(rail: Rail): Promise<Subscribed> {
    const agency = await agencyOn(rail);
    const { planId } = await createMonthlyPlan(agency);
    const readerId = `doc-gia-vi-${rail}-${++readers}`;
    const checkout = await agency.api.post<RailCheckoutView>('/v1/subscriptions/rail-checkouts', {
      planId,
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
    return { agency, readerId, subscription, end: new Date(subscription.currentPeriodEnd) };
  }

  it('binds the wallet with the first MoMo payment and charges the renewal to it: paid once, no pay link, the period continues, booked once', async () => {
    const { agency, readerId, subscription, end } = await subscribed('momo');
    const [wallet] = await eventually(async () => {
      const wallets = await walletsOf(agency, readerId);
      expect(wallets).toEqual([expect.objectContaining({ rail: 'momo', status: 'active' })]);
      return wallets;
    });
    const charges = momo.callsTo('tokenPay');

    // Two instances at once, then again: one renewal, one charge.
    await Promise.all(engines().map((engine) => engine.runDue(daysFrom(end, -2))));
    await runAt(daysFrom(end, -1.9));
    const renewal = await renewalOf(agency, subscription.id, end);
    expect(momo.callsTo('tokenPay') - charges).toBe(1);

    const renewed = await eventually(async () => {
      const current = await subscriptionOf(agency, subscription.id);
      expect(current.currentPeriodStart).toBe(end.toISOString());
      return current;
    });
    expect(renewed).toMatchObject({ status: 'active', currentPeriodEnd: addCalendarMonths(end, 1).toISOString() });
    expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'paid', amountPaid: '99000' });
    const payment = await paymentOfInvoice(agency, renewal.id);
    expect(payment).toMatchObject({ status: 'succeeded', attempts: [{ rail: 'momo', status: 'succeeded' }] });
    const paid = await eventually(async () => {
      const events = await paidEventsOf(renewal.id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(paid[0].data.paymentId).toBe(payment.id);
    const journal = await eventually(async () => {
      const entries = await journalOf(agency);
      expect(entries.map((e) => e.sourceKey)).toContain(`payment-succeeded:${payment.id}`);
      return entries;
    });
    expect(journal.filter((e) => e.sourceKey === `payment-succeeded:${payment.id}`)).toHaveLength(1);
    expect(journal.filter((e) => e.sourceKey === `invoice-finalized:suite:${renewal.id}`)).toHaveLength(1);
    expect((await walletsOf(agency, readerId))[0]).toMatchObject({ id: wallet.id, lastUsedAt: expect.any(String) });

    // Nothing is sent to the reader, and later runs neither charge again nor chase a paid renewal.
    await runAt(daysFrom(end, -1));
    await runAt(daysFrom(end, 0.5));
    expect(momo.callsTo('tokenPay') - charges).toBe(1);
    expect(await payLinksOf(subscription.id)).toEqual([]);
    expect(await paidEventsOf(renewal.id)).toHaveLength(1);
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('active');
  });

  it('sends the pay link when the saved wallet declines, charges it no more, and the reader pays by the link', async () => {
    const { agency, subscription, end } = await subscribed('momo');
    const charges = momo.callsTo('tokenPay');
    momo.planTokenCharge({ outcome: 'declined' });

    await runAt(daysFrom(end, -2));
    const renewal = await renewalOf(agency, subscription.id, end);
    expect(momo.callsTo('tokenPay') - charges).toBe(1);
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(link).toMatchObject({ invoiceId: renewal.id, reminder: 0 });
    expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'open' });

    await runAt(daysFrom(end, -1));
    expect(momo.callsTo('tokenPay') - charges).toBe(1);
    expect(await payLinksOf(subscription.id)).toHaveLength(1);

    await payByLink(link.payPageUrl, 'momo');
    await eventually(async () =>
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        status: 'active',
        currentPeriodStart: end.toISOString(),
      }),
    );
    expect(await renewalOf(agency, subscription.id, end)).toMatchObject({ status: 'paid', amountPaid: '99000' });
    await eventually(async () => expect(await paidEventsOf(renewal.id)).toHaveLength(1));
  });

  it('sends the pay link as before to a reader who paid on payOS (no wallet saved)', async () => {
    const { agency, readerId, subscription, end } = await subscribed('payos');
    expect(await walletsOf(agency, readerId)).toEqual([]);
    const charges = momo.callsTo('tokenPay');

    await runAt(daysFrom(end, -2));
    const renewal = await renewalOf(agency, subscription.id, end);
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(link).toMatchObject({ invoiceId: renewal.id, readerKey: `reader:${readerId}`, reminder: 0 });
    expect(momo.callsTo('tokenPay')).toBe(charges);

    await payByLink(link.payPageUrl, 'payos');
    await eventually(async () => expect(await paidEventsOf(renewal.id)).toHaveLength(1));
    expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
      status: 'active',
      currentPeriodEnd: addCalendarMonths(end, 1).toISOString(),
    });
  });
});
