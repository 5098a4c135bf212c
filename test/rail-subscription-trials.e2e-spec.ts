import {
  EntitlementsView,
  InvoiceView,
  PaymentAttemptView,
  PaymentView,
  RailCheckoutView,
  ReaderSubscriptionView,
  RenewalPaymentRequestedEvent,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { addCalendarMonths } from '../apps/subscriptions/src/gifts/calendar-months';
import { SuiteBillingSchedule } from '../apps/subscriptions/src/rail-billing/suite-billing.schedule';
import { startFakeMomo } from './momo-fake/fake-momo';
import { startFakeVnpay } from './vnpay-fake/fake-vnpay';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { configureRailAccount } from './support/rail-accounts';
import { RailFake } from './support/rail-fake';
import { createMonthlyPlan, linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

type Rail = 'momo' | 'vnpay';
const RETURN_URL = 'https://tinnhanh.vn/cam-on';
const DAY_MS = 86_400_000;
const PAYMENT_REQUESTED = 'evt.subscriptions.renewal.payment-requested.v1';

describe('trials of subscriptions billed by the suite', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let gatewayUrl: string;
  const fakes = {} as Record<Rail, RailFake>;
  let readers = 0;

  beforeAll(async () => {
    [fakes.momo, fakes.vnpay, stripe] = await Promise.all([startFakeMomo(), startFakeVnpay(), startFakeStripe()]);
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${fakes.momo.url},vnpay=${fakes.vnpay.url}`,
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

  const runAt = (at: Date) => suite.instances('subscriptions')[0].get(SuiteBillingSchedule).runDue(at);
  const daysFrom = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);

  async function agencyWithTrialOn(rail: Rail) {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    await configureRailAccount(agency, fakes[rail]);
    return { agency, plan: await createMonthlyPlan(agency, { trialDays: 14 }) };
  }

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

  const checkout = (agency: TestAgency, planId: string, readerId: string) =>
    agency.api.post<RailCheckoutView>('/v1/subscriptions/rail-checkouts', { planId, readerId, returnUrl: RETURN_URL });
  const subscriptionOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;
  const invoicesOf = async (agency: TestAgency, subscriptionId: string) =>
    (await agency.api.get<{ items: InvoiceView[] }>(`/v1/subscriptions/invoices?subscriptionId=${subscriptionId}`)).body
      .items;
  const keysOf = async (agency: TestAgency, readerId: string) =>
    (
      await agency.api.get<EntitlementsView>(`/v1/subscriptions/entitlements?readerId=${readerId}`)
    ).body.entitlements.map((grant) => grant.key);
  const paymentsOf = async (agency: TestAgency) =>
    (await agency.api.get<{ items: PaymentView[] }>('/v1/payments/payments?stream=subscriptions')).body.items;
  const payLinksOf = async (subscriptionId: string) =>
    (await probe.published<RenewalPaymentRequestedEvent>(PAYMENT_REQUESTED))
      .map((e) => e.data)
      .filter((data) => data.subscriptionId === subscriptionId);

  it.each(['momo', 'vnpay'] as const)(
    'on %s starts the trial at once, entitled and with nothing to pay, once per reader and plan; its end is billed and paid as a renewal',
    async (rail) => {
      const { agency, plan } = await agencyWithTrialOn(rail);
      const readerId = `doc-gia-dung-thu-${++readers}`;
      const before = Date.now();

      const trial = await checkout(agency, plan.planId, readerId);
      expect(trial.status).toBe(201);
      expect(trial.body).toMatchObject({ status: 'trialing', invoiceId: null, paymentId: null, payPageUrl: null });
      const trialEnd = new Date(trial.body.trialEnd!);
      expect(trialEnd.getTime() - before).toBeGreaterThanOrEqual(14 * DAY_MS);
      expect(trialEnd.getTime() - Date.now()).toBeLessThanOrEqual(14 * DAY_MS);
      const { subscriptionId } = trial.body;
      expect(await subscriptionOf(agency, subscriptionId)).toMatchObject({
        status: 'trialing',
        trialEnd: trialEnd.toISOString(),
        currentPeriodEnd: trialEnd.toISOString(),
      });
      expect(await keysOf(agency, readerId)).toEqual(['ad-free', 'premium-articles']);
      expect(await invoicesOf(agency, subscriptionId)).toEqual([]);
      expect(await paymentsOf(agency)).toEqual([]);

      // The same reader again: no second trial, the first period is paid now.
      const again = await checkout(agency, plan.planId, readerId);
      expect(again.body).toMatchObject({ status: 'incomplete', trialEnd: null, payPageUrl: expect.any(String) });

      // Nothing before the notice days; then the first period is billed from the trial's end and its link sent.
      expect((await runAt(daysFrom(trialEnd, -3.5))).subscriptions).toBe(0);
      await runAt(daysFrom(trialEnd, -2));
      const [first] = await invoicesOf(agency, subscriptionId);
      expect(first).toMatchObject({
        status: 'open',
        amountDue: '99000',
        servicePeriodStart: trialEnd.toISOString(),
        servicePeriodEnd: addCalendarMonths(trialEnd, 1).toISOString(),
      });
      const [link] = await eventually(async () => {
        const sent = await payLinksOf(subscriptionId);
        expect(sent).toHaveLength(1);
        return sent;
      });
      expect(link).toMatchObject({ invoiceId: first.id, dueDate: trialEnd.toISOString() });
      await payByLink(link.payPageUrl, rail);
      await eventually(async () =>
        expect(await subscriptionOf(agency, subscriptionId)).toMatchObject({
          status: 'active',
          currentPeriodStart: trialEnd.toISOString(),
          currentPeriodEnd: addCalendarMonths(trialEnd, 1).toISOString(),
        }),
      );
    },
  );

  it('falls past due when the trial ends unpaid, as a renewal does', async () => {
    const { agency, plan } = await agencyWithTrialOn('vnpay');
    const trial = await checkout(agency, plan.planId, `doc-gia-dung-thu-${++readers}`);
    const trialEnd = new Date(trial.body.trialEnd!);
    await runAt(daysFrom(trialEnd, -2));
    await runAt(daysFrom(trialEnd, 0.1));
    expect(await subscriptionOf(agency, trial.body.subscriptionId)).toMatchObject({
      status: 'past_due',
      currentPeriodStart: trialEnd.toISOString(),
    });
  });

  it('ends a trial cancelled now at once, and one cancelled at its end then, unbilled', async () => {
    const { agency, plan } = await agencyWithTrialOn('momo');
    const [now, atEnd] = [`doc-gia-huy-${++readers}`, `doc-gia-huy-${++readers}`];
    const first = await checkout(agency, plan.planId, now);
    const second = await checkout(agency, plan.planId, atEnd);
    const cancel = (id: string, atPeriodEnd: boolean) =>
      agency.api.post<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}/cancel`, { atPeriodEnd });

    expect((await cancel(first.body.subscriptionId, false)).body).toMatchObject({ status: 'canceled' });
    expect(await keysOf(agency, now)).toEqual([]);
    expect((await cancel(second.body.subscriptionId, true)).body).toMatchObject({
      status: 'trialing',
      cancelAtPeriodEnd: true,
    });
    expect(await keysOf(agency, atEnd)).toEqual(['ad-free', 'premium-articles']);

    const trialEnd = new Date(second.body.trialEnd!);
    await runAt(daysFrom(trialEnd, -2));
    await runAt(daysFrom(trialEnd, 0.1));
    expect(await subscriptionOf(agency, second.body.subscriptionId)).toMatchObject({ status: 'canceled' });
    for (const id of [first.body.subscriptionId, second.body.subscriptionId])
      expect(await invoicesOf(agency, id)).toEqual([]);
    expect(await paymentsOf(agency)).toEqual([]);
  });
});
