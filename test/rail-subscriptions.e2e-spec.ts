import {
  EntitlementsView,
  InvoiceFinalizedEvent,
  InvoicePaidEvent,
  InvoiceView,
  PaymentAttemptView,
  PaymentRailName,
  RailCheckoutView,
  ReaderSubscriptionView,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { PublicDecisionServer } from '../apps/paywall/src/public-decisions/public-decision-server';
import { addCalendarMonths } from '../apps/subscriptions/src/gifts/calendar-months';
import { startFakeMomo } from './momo-fake/fake-momo';
import { startFakePayos } from './payos-fake/fake-payos';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { RailFake } from './support/rail-fake';
import { createMonthlyPlan, linkStripe, MonthlyPlan } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';
import { configureRailAccount } from './support/rail-accounts';

const CLEARING: Record<'momo' | 'payos', string> = { momo: '1110', payos: '1130' };
const [STRIPE_BALANCE, RECEIVABLE, DEFERRED_REVENUE, VAT_PAYABLE] = ['1100', '1300', '2100', '2200'];
const RETURN_URL = 'https://tinnhanh.vn/cam-on';

interface Problem {
  errors?: { field: string; message: string }[];
}

describe('subscriptions billed by the suite, paid on a domestic rail', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let gatewayUrl: string;
  const fakes = {} as Record<'momo' | 'payos', RailFake>;

  beforeAll(async () => {
    [fakes.momo, fakes.payos, stripe] = await Promise.all([startFakeMomo(), startFakePayos(), startFakeStripe()]);
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

  /** An agency with books, a catalog (at the provider, as today), 10 % VAT inside its prices, and an account on the rail. */
  async function agencyOn(rail: 'momo' | 'payos'): Promise<{ agency: TestAgency; plan: MonthlyPlan }> {
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

  const railCheckout = (agency: TestAgency, body: Record<string, unknown>) =>
    agency.api.post<RailCheckoutView & Problem>('/v1/subscriptions/rail-checkouts', body);

  /** The payer opens the pay link and picks the rail, as the hosted page does. */
  const startAttempt = (payPageUrl: string, rail: PaymentRailName) => {
    const link = new URL(payPageUrl);
    return api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail,
      locale: 'vi',
    });
  };

  const subscriptionOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;

  const publishedAbout = async <T extends { providerInvoiceId: string }>(subject: string, invoiceId: string) =>
    (await probe.published<T>(subject)).filter((e) => e.data.providerInvoiceId === `suite:${invoiceId}`);

  /** Waits for the paywall to know the site and the agency's hard paywall; answers the site's key. */
  async function hardPaywall(agency: TestAgency): Promise<{ decide: (readerId: string) => Promise<string> }> {
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: `${agency.slug}.example.vn`,
    });
    expect(site.status).toBe(201);
    const policies = await agency.api.send('PUT', '/v1/paywall/policies', {
      policies: [{ name: 'Subscribers only', active: true, rule: { kind: 'hard' } }],
    });
    expect(policies.status).toBe(200);
    const paywall = new Api(suite.instances('paywall')[0].get(PublicDecisionServer).url).as({
      siteKey: site.body.publishableKey,
    });
    return {
      decide: async (readerId) => {
        const token = await agency.api.post<{ token: string }>('/v1/paywall/reader-tokens', { readerId });
        const answer = await paywall.post<{ access: string; segment: string }>('/v1/paywall/decisions', {
          articleId: 'tin-1',
          readerToken: token.body.token,
        });
        return `${answer.status} ${answer.body.access} ${answer.body.segment}`;
      },
    };
  }

  /** InvoicePaid events finance's consumer has processed (every agency), from its metrics. */
  async function invoicesPaidTakenByFinance(): Promise<number> {
    const texts = await Promise.all(
      suite
        .instances('finance')
        .map(async (app) =>
          fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
        ),
    );
    const processed =
      /events_consumed_total\{consumer="finance__evt_subscriptions_invoice_paid[^"]*",outcome="processed"[^}]*\} (\d+)/g;
    return [...texts.join('\n').matchAll(processed)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  describe.each(['momo', 'payos'] as const)('on %s', (rail) => {
    it('sells a monthly plan: pay link, payment, active subscription for the month, entitlements, invoice and books', async () => {
      const { agency, plan } = await agencyOn(rail);
      const paywall = await hardPaywall(agency);
      const readerId = `doc-gia-${rail}`;
      await eventually(async () => expect(await paywall.decide(readerId)).toBe('200 block registered'));

      const before = Date.now();
      const checkout = await railCheckout(agency, { planId: plan.planId, readerId, returnUrl: RETURN_URL });
      expect(checkout.status).toBe(201);
      const { subscriptionId, status, trialEnd } = checkout.body;
      const [invoiceId, paymentId, payPageUrl] = [
        checkout.body.invoiceId!,
        checkout.body.paymentId!,
        checkout.body.payPageUrl!,
      ];
      expect([status, trialEnd]).toEqual(['incomplete', null]);
      expect(new URL(payPageUrl).pathname).toBe(`/pay/${agency.tenantId}/${paymentId}`);
      expect(await subscriptionOf(agency, subscriptionId)).toMatchObject({ status: 'incomplete', planId: plan.planId });
      const payment = (
        await agency.api.get<{ amount: string; lines: unknown[]; rails: string[] }>(
          `/v1/payments/payments/${paymentId}`,
        )
      ).body;
      expect(payment).toMatchObject({
        amount: '99000',
        purpose: { stream: 'subscriptions', reference: invoiceId },
        lines: [{ quantity: 1, amount: '90000', vatRateBasisPoints: 1000, vatAmount: '9000' }],
        rails: [rail],
      });
      expect(await paywall.decide(readerId)).toBe('200 block registered');
      // Nothing is billed until the money arrives: an abandoned checkout leaves the books as they were.
      expect(await publishedAbout('evt.subscriptions.invoice.finalized.v1', invoiceId)).toHaveLength(0);

      const paidTakenBefore = await invoicesPaidTakenByFinance();
      const attempt = await startAttempt(payPageUrl, rail);
      expect(attempt.status).toBe(200);
      await fakes[rail].pay(attempt.body, { notifications: 2 });

      const active = await eventually(async () => {
        const subscription = await subscriptionOf(agency, subscriptionId);
        expect(subscription.status).toBe('active');
        return subscription;
      });
      // The period starts when the money arrived, as the rail states it (payOS to the second).
      const start = new Date(active.currentPeriodStart);
      expect(start.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(start.getTime()).toBeLessThanOrEqual(Date.now());
      expect(active.currentPeriodEnd).toBe(addCalendarMonths(start, 1).toISOString());

      const invoice = (await agency.api.get<InvoiceView>(`/v1/subscriptions/invoices/${invoiceId}`)).body;
      expect(invoice).toMatchObject({
        subscriptionId,
        status: 'paid',
        amountDue: '99000',
        amountPaid: '99000',
        tax: '9000',
        providerFee: '0',
        servicePeriodStart: active.currentPeriodStart,
        servicePeriodEnd: active.currentPeriodEnd,
      });

      const entitlements = await agency.api.get<EntitlementsView>(
        `/v1/subscriptions/entitlements?readerId=${readerId}`,
      );
      expect(entitlements.body.entitlements.map((g) => [g.key, g.source, g.sourceId, g.until])).toEqual([
        ['ad-free', 'subscription', subscriptionId, active.currentPeriodEnd],
        ['premium-articles', 'subscription', subscriptionId, active.currentPeriodEnd],
      ]);
      await eventually(async () => expect(await paywall.decide(readerId)).toBe('200 allow subscriber'));

      const finalized = await eventually(async () => {
        const events = await publishedAbout<InvoiceFinalizedEvent>('evt.subscriptions.invoice.finalized.v1', invoiceId);
        expect(events).toHaveLength(1);
        return events[0].data;
      });
      expect(finalized).toMatchObject({ subscriptionId, amountDue: '99000', tax: '9000', currency: 'VND' });
      const paid = await eventually(async () => {
        const events = await publishedAbout<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1', invoiceId);
        expect(events).toHaveLength(1);
        return events[0].data;
      });
      expect(paid).toMatchObject({
        amountPaid: '99000',
        tax: '9000',
        providerFee: '0',
        providerChargeId: null,
        paymentId,
      });

      // Billed from the invoice (receivable, VAT, deferred revenue); the cash from the payment alone.
      const journal = await eventually(async () => {
        const entries = await journalOf(agency);
        expect(entries.map((e) => e.sourceKey)).toEqual(
          expect.arrayContaining([`invoice-finalized:suite:${invoiceId}`, `payment-succeeded:${paymentId}`]),
        );
        return entries;
      });
      const postingsOf = (sourceKey: string) =>
        journal.find((e) => e.sourceKey === sourceKey)!.postings.map((p) => [p.accountCode, p.amount]);
      expect(postingsOf(`invoice-finalized:suite:${invoiceId}`)).toEqual(
        expect.arrayContaining([
          [RECEIVABLE, '99000'],
          [VAT_PAYABLE, '-9000'],
          [DEFERRED_REVENUE, '-90000'],
        ]),
      );
      expect(postingsOf(`payment-succeeded:${paymentId}`)).toEqual(
        expect.arrayContaining([
          [CLEARING[rail], '99000'],
          [RECEIVABLE, '-99000'],
        ]),
      );
      // Finance took the InvoicePaid (processed, not failed) and booked no cash from it.
      await eventually(async () => expect(await invoicesPaidTakenByFinance()).toBeGreaterThan(paidTakenBefore));
      expect(journal.filter((e) => e.sourceKey === `invoice-paid:suite:${invoiceId}`)).toEqual([]);
      const balances = await balancesIn(agency, 'VND');
      expect(balances[RECEIVABLE]).toBeUndefined();
      expect(balances[STRIPE_BALANCE]).toBeUndefined();
      expect(balances[CLEARING[rail]]).toBe('99000');
      expect(balances[VAT_PAYABLE]).toBe('-9000');
    });
  });

  it('refuses an unknown plan and a bad return URL, naming the field, and writes nothing', async () => {
    const { agency, plan } = await agencyOn('momo');
    const readerId = 'doc-gia-sai';
    const unknownPlan = await railCheckout(agency, {
      planId: '00000000-0000-4000-8000-000000000000',
      readerId,
      returnUrl: RETURN_URL,
    });
    expect(unknownPlan.status).toBe(400);
    expect(unknownPlan.body.errors?.map((e) => e.field)).toEqual(['planId']);
    const badReturn = await railCheckout(agency, { planId: plan.planId, readerId, returnUrl: 'javascript:alert(1)' });
    expect(badReturn.status).toBe(400);
    expect(badReturn.body.errors?.map((e) => e.field)).toEqual(['returnUrl']);

    const subscriptions = await agency.api.get<ReaderSubscriptionView[] | { items: unknown[] }>(
      `/v1/subscriptions/subscriptions?readerId=${readerId}`,
    );
    expect(subscriptions.status).toBe(200);
    expect(JSON.stringify(subscriptions.body)).not.toContain(plan.planId);
    const invoices = await agency.api.get<{ items: unknown[] }>('/v1/subscriptions/invoices');
    expect(invoices.body.items).toEqual([]);
    const payments = await agency.api.get<{ items: unknown[] }>('/v1/payments/payments');
    expect(payments.body.items).toEqual([]);
  });
});
