import {
  DunningCaseListResponse,
  EntitlementsView,
  InvoiceFinalizedEvent,
  InvoiceView,
  PaymentAttemptView,
  PaymentView,
  PlanChangePreview,
  RailCheckoutView,
  ReaderSubscriptionView,
  RenewalPaymentRequestedEvent,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { SuiteBillingSchedule } from '../apps/subscriptions/src/rail-billing/suite-billing.schedule';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { startFakePayos } from './payos-fake/fake-payos';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { configureRailAccount } from './support/rail-accounts';
import { RailFake } from './support/rail-fake';
import { createMonthlyPlan, linkStripe, MonthlyPlan } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

type Rail = 'momo' | 'payos';
const CLEARING: Record<Rail, string> = { momo: '1110', payos: '1130' };
const RECEIVABLE = '1300';
const RETURN_URL = 'https://tinnhanh.vn/cam-on';
const DAY_MS = 86_400_000;
const PAYMENT_REQUESTED = 'evt.subscriptions.renewal.payment-requested.v1';

interface Catalog {
  basic: MonthlyPlan;
  premium: MonthlyPlan;
}

/** The rule the suite states (prorateSuitePlanChange): each part `amount × rest / period`, rounded half up. */
function prorated(unitAmount: bigint, view: ReaderSubscriptionView, prorationDate: number): bigint {
  const [start, end] = [Date.parse(view.currentPeriodStart), Date.parse(view.currentPeriodEnd)];
  const at = Math.min(Math.max(prorationDate * 1000, start), end);
  const [rest, length] = [BigInt(end - at), BigInt(end - start)];
  return (2n * unitAmount * rest + length) / (2n * length);
}

/** A year of calendar months after `from` (UTC); 29 February becomes the 28th. */
function aYearAfter(from: Date): Date {
  const lastDay = new Date(Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth(), Math.min(from.getUTCDate(), lastDay)) +
      (from.getTime() % DAY_MS),
  );
}

describe('plan changes of subscriptions billed by the suite', () => {
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
      PAYMENT_RAIL_URLS: `momo=${momo.url},payos=${fakes.payos.url}`,
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
  /** A second into the period: after the payment that started it, whenever the test runs. */
  const justAfterStart = (view: ReaderSubscriptionView) => Math.ceil(Date.parse(view.currentPeriodStart) / 1000) + 1;

  /** An agency on the rail with VAT 10 % inside prices, a basic and a premium monthly plan. */
  async function agencyOn(
    rail: Rail,
    policy: 'immediate-with-proration' | 'at-period-end' = 'immediate-with-proration',
    savesWallets = rail === 'momo',
  ): Promise<{ agency: TestAgency } & Catalog> {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2020-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
    await configureRailAccount(agency, fakes[rail], savesWallets ? { savesWallets } : {});
    const basic = await createMonthlyPlan(
      agency,
      { name: 'Cơ bản', changePolicy: policy },
      { entitlements: ['premium-articles'] },
    );
    const premium = await createMonthlyPlan(
      agency,
      { name: 'Cao cấp', unitAmount: '199000', changePolicy: policy },
      { entitlements: ['premium-articles', 'e-paper'] },
    );
    return { agency, basic, premium };
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

  const subscriptionOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;
  const invoicesOf = async (agency: TestAgency, subscriptionId: string) =>
    (await agency.api.get<{ items: InvoiceView[] }>(`/v1/subscriptions/invoices?subscriptionId=${subscriptionId}`)).body
      .items;
  const keysOf = async (agency: TestAgency, readerId: string) =>
    (
      await agency.api.get<EntitlementsView>(`/v1/subscriptions/entitlements?readerId=${readerId}`)
    ).body.entitlements.map((grant) => grant.key);
  const payLinksOf = async (subscriptionId: string) =>
    (await probe.published<RenewalPaymentRequestedEvent>(PAYMENT_REQUESTED))
      .map((e) => e.data)
      .filter((data) => data.subscriptionId === subscriptionId);
  const paymentsOf = async (agency: TestAgency, invoiceId: string) =>
    (await agency.api.get<{ items: PaymentView[] }>('/v1/payments/payments?stream=subscriptions')).body.items.filter(
      (payment) => payment.purpose.reference === invoiceId,
    );
  const previewOf = (agency: TestAgency, id: string, body: object) =>
    agency.api.post<PlanChangePreview>(`/v1/subscriptions/subscriptions/${id}/plan-change-preview`, body);
  const change = (agency: TestAgency, id: string, body: object) =>
    agency.api.post<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}/plan-change`, body);

  /** A reader who bought `plan` on the rail and paid its first month. */
  async function subscribed(agency: TestAgency, plan: MonthlyPlan, rail: Rail) {
    const readerId = `doc-gia-doi-goi-${++readers}`;
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
    return { readerId, subscription, end: new Date(subscription.currentPeriodEnd) };
  }

  /** The journal's postings on the receivable for what names `id` (an invoice or a payment), summed. */
  const receivableOf = (journal: Awaited<ReturnType<typeof journalOf>>, sourceKeys: string[]) =>
    journal
      .filter((entry) => sourceKeys.includes(entry.sourceKey))
      .flatMap((entry) => entry.postings)
      .filter((posting) => posting.accountCode === RECEIVABLE)
      .reduce((sum, posting) => sum + BigInt(posting.amount), 0n);

  it.each(['momo', 'payos'] as const)(
    'upgrades at once on %s: the preview is what is billed, the plan and entitlements move now, the difference is paid (saved wallet on MoMo, pay link on payOS) and booked',
    async (rail) => {
      const { agency, basic, premium } = await agencyOn(rail);
      const { readerId, subscription } = await subscribed(agency, basic, rail);
      expect(await keysOf(agency, readerId)).toEqual(['premium-articles']);
      if (rail === 'momo')
        await eventually(async () => {
          const wallets = await agency.api.get<{ items: unknown[] }>(
            `/v1/payments/saved-tokens?payerKey=${encodeURIComponent(`reader:${readerId}`)}`,
          );
          expect(wallets.body.items).toHaveLength(1);
        });
      const prorationDate = justAfterStart(subscription);

      const preview = await previewOf(agency, subscription.id, { planId: premium.planId, prorationDate });
      expect(preview.status).toBe(200);
      const expected = prorated(199_000n, subscription, prorationDate) - prorated(99_000n, subscription, prorationDate);
      expect(preview.body).toEqual({
        effective: 'now',
        currency: 'VND',
        amountDueNow: expected.toString(),
        nextInvoiceAmount: '199000',
        nextInvoiceAt: subscription.currentPeriodEnd,
        prorationDate,
      });
      expect(expected > 99_000n).toBe(true);

      const changed = await change(agency, subscription.id, { planId: premium.planId, prorationDate });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        planId: premium.planId,
        priceId: premium.priceId,
        status: 'active',
        currentPeriodStart: subscription.currentPeriodStart,
        currentPeriodEnd: subscription.currentPeriodEnd,
        pendingChange: null,
        creditBalance: '0',
      });
      expect(await keysOf(agency, readerId)).toEqual(['e-paper', 'premium-articles']);
      const [upgrade] = (await invoicesOf(agency, subscription.id)).filter((invoice) => invoice.proration);
      expect(upgrade).toMatchObject({
        amountDue: preview.body.amountDueNow,
        servicePeriodStart: new Date(prorationDate * 1000).toISOString(),
        servicePeriodEnd: subscription.currentPeriodEnd,
        creditApplied: '0',
      });
      const finalized = await eventually(async () => {
        const events = (await probe.published<InvoiceFinalizedEvent>('evt.subscriptions.invoice.finalized.v1')).filter(
          (e) => e.data.providerInvoiceId === `suite:${upgrade.id}`,
        );
        expect(events).toHaveLength(1);
        return events[0].data;
      });
      expect(finalized).toMatchObject({ amountDue: upgrade.amountDue, tax: upgrade.tax, planId: premium.planId });

      if (rail === 'payos') {
        const [link] = await eventually(async () => {
          const sent = await payLinksOf(subscription.id);
          expect(sent).toHaveLength(1);
          return sent;
        });
        expect(link).toMatchObject({ invoiceId: upgrade.id, amount: upgrade.amountDue });
        await payByLink(link.payPageUrl, rail);
      }
      await eventually(async () =>
        expect((await invoicesOf(agency, subscription.id)).find((invoice) => invoice.id === upgrade.id)).toMatchObject({
          status: 'paid',
          amountPaid: upgrade.amountDue,
        }),
      );
      if (rail === 'momo') expect(await payLinksOf(subscription.id)).toEqual([]);
      const [payment] = await paymentsOf(agency, upgrade.id);
      expect(payment).toMatchObject({ status: 'succeeded', amount: upgrade.amountDue });
      // Paying the difference moves no period.
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        planId: premium.planId,
        status: 'active',
        currentPeriodStart: subscription.currentPeriodStart,
        currentPeriodEnd: subscription.currentPeriodEnd,
      });

      // Books: billed (receivable, VAT, deferred) and collected on the rail's clearing account; the receivable is settled.
      const keys = [`invoice-finalized:suite:${upgrade.id}`, `payment-succeeded:${payment.id}`];
      const journal = await eventually(async () => {
        const entries = await journalOf(agency);
        expect(entries.map((e) => e.sourceKey)).toEqual(expect.arrayContaining(keys));
        return entries;
      });
      const cash = journal.find((e) => e.sourceKey === keys[1])!.postings.map((p) => [p.accountCode, p.amount]);
      expect(cash).toEqual(
        expect.arrayContaining([
          [CLEARING[rail], upgrade.amountDue],
          [RECEIVABLE, `-${upgrade.amountDue}`],
        ]),
      );
      expect(receivableOf(journal, keys)).toBe(0n);
    },
  );

  it('changes the interval at once on payOS (monthly to yearly): the cycle restarts at the change, the whole year billed less the unused month, the next renewal a year later, the receivable settled when paid', async () => {
    const { agency, basic } = await agencyOn('payos');
    const yearly = await createMonthlyPlan(
      agency,
      { name: 'Hằng năm', interval: 'year', unitAmount: '990000' },
      { entitlements: ['premium-articles', 'e-paper'] },
    );
    const { readerId, subscription, end } = await subscribed(agency, basic, 'payos');
    // Halfway through the month: about half of 99,000 back, the year (990,000) charged.
    const prorationDate = Math.floor((Date.parse(subscription.currentPeriodStart) + end.getTime()) / 2000);
    const credit = prorated(99_000n, subscription, prorationDate);
    const start = new Date(prorationDate * 1000);
    const newEnd = aYearAfter(start);

    const preview = await previewOf(agency, subscription.id, { planId: yearly.planId, prorationDate });
    expect(preview.body).toEqual({
      effective: 'now',
      currency: 'VND',
      amountDueNow: (990_000n - credit).toString(),
      nextInvoiceAmount: '990000',
      nextInvoiceAt: newEnd.toISOString(),
      prorationDate,
    });
    expect(credit > 40_000n && credit < 60_000n).toBe(true);

    const changed = await change(agency, subscription.id, { planId: yearly.planId, prorationDate });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      planId: yearly.planId,
      priceId: yearly.priceId,
      status: 'active',
      currentPeriodStart: start.toISOString(),
      currentPeriodEnd: newEnd.toISOString(),
      pendingChange: null,
      creditBalance: '0',
    });
    expect(await keysOf(agency, readerId)).toEqual(['e-paper', 'premium-articles']);
    const [upgrade] = (await invoicesOf(agency, subscription.id)).filter((invoice) => invoice.proration);
    expect(upgrade).toMatchObject({
      status: 'open',
      amountDue: preview.body.amountDueNow,
      servicePeriodStart: start.toISOString(),
      servicePeriodEnd: newEnd.toISOString(),
      creditApplied: '0',
    });
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(link).toMatchObject({ invoiceId: upgrade.id, amount: upgrade.amountDue });
    await payByLink(link.payPageUrl, 'payos');
    await eventually(async () =>
      expect((await invoicesOf(agency, subscription.id)).find((invoice) => invoice.id === upgrade.id)).toMatchObject({
        status: 'paid',
        amountPaid: upgrade.amountDue,
      }),
    );
    const [payment] = await paymentsOf(agency, upgrade.id);
    const keys = [`invoice-finalized:suite:${upgrade.id}`, `payment-succeeded:${payment.id}`];
    const journal = await eventually(async () => {
      const entries = await journalOf(agency);
      expect(entries.map((e) => e.sourceKey)).toEqual(expect.arrayContaining(keys));
      return entries;
    });
    expect(receivableOf(journal, [keys[0]])).toBe(990_000n - credit);
    expect(receivableOf(journal, keys)).toBe(0n);

    // Nothing is billed at the end of the month left; the next renewal bills a year from the change.
    await runAt(daysFrom(end, -2));
    expect(await invoicesOf(agency, subscription.id)).toHaveLength(2);
    await runAt(daysFrom(newEnd, -2));
    const renewal = (await invoicesOf(agency, subscription.id)).find(
      (i) => i.servicePeriodStart === newEnd.toISOString(),
    );
    expect(renewal).toMatchObject({
      status: 'open',
      proration: false,
      amountDue: '990000',
      servicePeriodEnd: aYearAfter(newEnd).toISOString(),
    });
  });

  it('changes the interval at period end on payOS: the renewal bills the yearly plan for a year from the period end', async () => {
    const { agency, basic } = await agencyOn('payos', 'at-period-end');
    const yearly = await createMonthlyPlan(agency, { name: 'Hằng năm', interval: 'year', unitAmount: '990000' });
    const { subscription, end } = await subscribed(agency, basic, 'payos');
    const preview = await previewOf(agency, subscription.id, { planId: yearly.planId });
    expect(preview.body).toMatchObject({
      effective: 'period-end',
      amountDueNow: '0',
      nextInvoiceAmount: '990000',
      nextInvoiceAt: end.toISOString(),
    });
    expect((await change(agency, subscription.id, { planId: yearly.planId })).body).toMatchObject({
      planId: basic.planId,
      currentPeriodEnd: end.toISOString(),
      pendingChange: { planId: yearly.planId, effectiveAt: end.toISOString() },
    });

    await runAt(daysFrom(end, -2));
    const renewal = (await invoicesOf(agency, subscription.id)).find((i) => i.servicePeriodStart === end.toISOString());
    expect(renewal).toMatchObject({
      status: 'open',
      amountDue: '990000',
      servicePeriodEnd: aYearAfter(end).toISOString(),
    });
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });
    await payByLink(link.payPageUrl, 'payos');
    await eventually(async () =>
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        status: 'active',
        planId: yearly.planId,
        currentPeriodStart: end.toISOString(),
        currentPeriodEnd: aYearAfter(end).toISOString(),
        pendingChange: null,
      }),
    );
  });

  it('downgrades at once on payOS: nothing billed, the difference kept as credit and taken off the next renewal; no cash booked for it', async () => {
    const { agency, basic, premium } = await agencyOn('payos');
    const { readerId, subscription, end } = await subscribed(agency, premium, 'payos');
    // Halfway: about half of 100,000 back, less than the next renewal.
    const prorationDate = Math.floor((Date.parse(subscription.currentPeriodStart) + end.getTime()) / 2000);
    const credit = prorated(199_000n, subscription, prorationDate) - prorated(99_000n, subscription, prorationDate);

    const preview = await previewOf(agency, subscription.id, { planId: basic.planId, prorationDate });
    expect(preview.body).toMatchObject({
      effective: 'now',
      amountDueNow: '0',
      nextInvoiceAmount: (99_000n - credit).toString(),
    });
    const changed = await change(agency, subscription.id, { planId: basic.planId, prorationDate });
    expect(changed.body).toMatchObject({ planId: basic.planId, creditBalance: credit.toString() });
    expect(await keysOf(agency, readerId)).toEqual(['premium-articles']);
    expect(await invoicesOf(agency, subscription.id)).toHaveLength(1);

    await runAt(daysFrom(end, -2));
    const renewal = (await invoicesOf(agency, subscription.id)).find(
      (i) => i.servicePeriodStart === end.toISOString(),
    )!;
    expect(renewal).toMatchObject({
      status: 'open',
      amountDue: (99_000n - credit).toString(),
      creditApplied: credit.toString(),
      proration: false,
    });
    // VAT of what is still due: 10 % inside, the credit's share off it.
    expect(BigInt(renewal.tax)).toBe(9_000n - (2n * credit * 9_000n + 99_000n) / (2n * 99_000n));
    expect((await subscriptionOf(agency, subscription.id)).creditBalance).toBe('0');
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(link.amount).toBe(renewal.amountDue);
    await payByLink(link.payPageUrl, 'payos');
    await eventually(async () =>
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        status: 'active',
        currentPeriodStart: end.toISOString(),
      }),
    );
    const journal = await eventually(async () => {
      const entries = await journalOf(agency);
      expect(entries.map((e) => e.sourceKey)).toContain(`invoice-finalized:suite:${renewal.id}`);
      expect(entries.filter((e) => e.sourceKey.startsWith('payment-succeeded:'))).toHaveLength(2);
      return entries;
    });
    const billed = journal.find((e) => e.sourceKey === `invoice-finalized:suite:${renewal.id}`)!;
    expect(billed.postings.find((p) => p.accountCode === RECEIVABLE)!.amount).toBe(renewal.amountDue);
    // Cash booked: the first period and the reduced renewal, nothing for the credit.
    const cash = journal
      .filter((e) => e.sourceKey.startsWith('payment-succeeded:'))
      .flatMap((e) => e.postings)
      .filter((p) => p.accountCode === CLEARING.payos)
      .reduce((sum, p) => sum + BigInt(p.amount), 0n);
    expect(cash).toBe(199_000n + 99_000n - credit);
  });

  it('changes at period end on MoMo: pending in the view, a renewal billed before is voided and billed again at the new price, the plan moves when paid; a pending change can be dropped', async () => {
    // No wallet saved: every renewal goes out by its pay link.
    const { agency, basic, premium } = await agencyOn('momo', 'at-period-end', false);
    const { readerId, subscription, end } = await subscribed(agency, premium, 'momo');
    await runAt(daysFrom(end, -3));
    const atOldPrice = (await invoicesOf(agency, subscription.id)).find(
      (i) => i.servicePeriodStart === end.toISOString(),
    )!;
    expect(atOldPrice).toMatchObject({ status: 'open', amountDue: '199000' });

    const preview = await previewOf(agency, subscription.id, { planId: basic.planId });
    expect(preview.body).toMatchObject({ effective: 'period-end', amountDueNow: '0', nextInvoiceAmount: '99000' });
    const scheduled = await change(agency, subscription.id, { planId: basic.planId });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      planId: premium.planId,
      pendingChange: { planId: basic.planId, priceId: basic.priceId, effectiveAt: end.toISOString() },
    });
    expect(await keysOf(agency, readerId)).toEqual(['e-paper', 'premium-articles']);
    expect((await invoicesOf(agency, subscription.id)).find((i) => i.id === atOldPrice.id)!.status).toBe('void');

    await runAt(daysFrom(end, -2));
    const renewals = () =>
      invoicesOf(agency, subscription.id).then((all) =>
        all.filter((i) => i.servicePeriodStart === end.toISOString() && i.status === 'open'),
      );
    const [atNewPrice] = await renewals();
    expect(atNewPrice).toMatchObject({ amountDue: '99000' });
    const finalized = (await probe.published<InvoiceFinalizedEvent>('evt.subscriptions.invoice.finalized.v1')).find(
      (e) => e.data.providerInvoiceId === `suite:${atNewPrice.id}`,
    );
    expect(finalized?.data).toMatchObject({ planId: basic.planId, priceId: basic.priceId, amountDue: '99000' });

    // Dropped: the renewal at the new price is voided and the old price billed again.
    const dropped = await agency.api.delete<ReaderSubscriptionView>(
      `/v1/subscriptions/subscriptions/${subscription.id}/pending-plan-change`,
    );
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ planId: premium.planId, pendingChange: null });
    expect(
      (await agency.api.delete(`/v1/subscriptions/subscriptions/${subscription.id}/pending-plan-change`)).status,
    ).toBe(404);
    await runAt(daysFrom(end, -1.9));
    expect((await renewals()).map((i) => i.amountDue)).toEqual(['199000']);

    // Scheduled again; the renewal then billed at the new price is paid: the plan moves with the new period.
    expect((await change(agency, subscription.id, { planId: basic.planId })).status).toBe(200);
    await runAt(daysFrom(end, -1.8));
    const [billed] = await renewals();
    expect(billed.amountDue).toBe('99000');
    const link = await eventually(async () => {
      const sent = (await payLinksOf(subscription.id)).filter((l) => l.invoiceId === billed.id);
      expect(sent).toHaveLength(1);
      return sent[0];
    });
    await payByLink(link.payPageUrl, 'momo');
    await eventually(async () =>
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        planId: basic.planId,
        priceId: basic.priceId,
        pendingChange: null,
        currentPeriodStart: end.toISOString(),
      }),
    );
    expect(await keysOf(agency, readerId)).toEqual(['premium-articles']);
  });

  const casesOf = async (agency: TestAgency, status: string) =>
    (await agency.api.get<DunningCaseListResponse>(`/v1/subscriptions/dunning-cases?status=${status}`)).body.items;
  async function setPolicy(agency: TestAgency, policy: object): Promise<void> {
    const updated = await agency.api.send('PUT', '/v1/subscriptions/billing-settings/dunning', policy);
    expect(updated.status).toBe(200);
  }
  /** Waits until the reader's wallet is saved (MoMo, after the first payment). */
  const walletSaved = (agency: TestAgency, readerId: string) =>
    eventually(async () => {
      const wallets = await agency.api.get<{ items: unknown[] }>(
        `/v1/payments/saved-tokens?payerKey=${encodeURIComponent(`reader:${readerId}`)}`,
      );
      expect(wallets.body.items).toHaveLength(1);
    });

  it('an upgrade the saved wallet declines falls past due at once, is chased by the policy, and at its end the invoice is voided, the subscription paused, access ended and the receivable reversed', async () => {
    const { agency, basic, premium } = await agencyOn('momo');
    await setPolicy(agency, { retryDays: [1], graceDays: 3, afterFinalFailure: 'pause' });
    const { readerId, subscription } = await subscribed(agency, basic, 'momo');
    await walletSaved(agency, readerId);
    momo.planTokenCharge({ outcome: 'declined' });
    const failedAt = Date.now();

    const changed = await change(agency, subscription.id, {
      planId: premium.planId,
      prorationDate: justAfterStart(subscription),
    });
    expect(changed.status).toBe(200);
    const [upgrade] = (await invoicesOf(agency, subscription.id)).filter((invoice) => invoice.proration);
    expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
      status: 'past_due',
      planId: premium.planId,
      currentPeriodStart: subscription.currentPeriodStart,
      currentPeriodEnd: subscription.currentPeriodEnd,
    });
    const [opened] = await casesOf(agency, 'open');
    expect(opened).toMatchObject({
      invoiceId: upgrade.id,
      retryDays: [1],
      attemptsMade: 0,
      amountDue: upgrade.amountDue,
    });
    expect(Date.parse(opened.openedAt)).toBeGreaterThanOrEqual(failedAt);
    // The reader has the pay link of the difference, and keeps access during grace.
    await eventually(async () =>
      expect((await payLinksOf(subscription.id)).map((link) => [link.invoiceId, link.reminder])).toEqual([
        [upgrade.id, 0],
      ]),
    );
    expect(await keysOf(agency, readerId)).toEqual(['e-paper', 'premium-articles']);

    await runAt(new Date(Date.parse(opened.openedAt) + 1.5 * DAY_MS));
    await eventually(async () =>
      expect((await payLinksOf(subscription.id)).map((link) => link.reminder)).toEqual([0, 1]),
    );
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('past_due');

    await runAt(new Date(Date.parse(opened.openedAt) + 3 * DAY_MS));
    expect(await subscriptionOf(agency, subscription.id)).toMatchObject({ status: 'paused', planId: premium.planId });
    expect((await invoicesOf(agency, subscription.id)).find((invoice) => invoice.id === upgrade.id)!.status).toBe(
      'void',
    );
    expect(await keysOf(agency, readerId)).toEqual([]);
    expect(await casesOf(agency, 'exhausted')).toEqual([
      expect.objectContaining({ invoiceId: upgrade.id, attemptsMade: 1, finalAction: 'pause' }),
    ]);
    const keys = [`invoice-finalized:suite:${upgrade.id}`, `invoice-voided:suite:${upgrade.id}`];
    const journal = await eventually(async () => {
      const entries = await journalOf(agency);
      expect(entries.map((e) => e.sourceKey)).toEqual(expect.arrayContaining(keys));
      return entries;
    });
    expect(receivableOf(journal, [keys[0]])).toBe(BigInt(upgrade.amountDue));
    expect(receivableOf(journal, keys)).toBe(0n);
  });

  it('an upgrade still unpaid on its due date (the renewal notice) falls past due; paid during dunning, the case recovers and the subscription is active again', async () => {
    const { agency, basic, premium } = await agencyOn('payos');
    const { readerId, subscription } = await subscribed(agency, basic, 'payos');
    const billedAt = Date.now();
    expect(
      (await change(agency, subscription.id, { planId: premium.planId, prorationDate: justAfterStart(subscription) }))
        .status,
    ).toBe(200);
    const [upgrade] = (await invoicesOf(agency, subscription.id)).filter((invoice) => invoice.proration);
    const due = Date.parse(upgrade.dueDate!);
    // Due after the agency's renewal notice (3 days by default).
    expect(due - billedAt).toBeGreaterThanOrEqual(3 * DAY_MS - 1000);
    expect(due - billedAt).toBeLessThanOrEqual(3 * DAY_MS + 60_000);
    const [link] = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(1);
      return sent;
    });

    await runAt(new Date(due - 60_000));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('active');
    expect(await casesOf(agency, 'open')).toEqual([]);
    await runAt(new Date(due + 60_000));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('past_due');
    expect(await casesOf(agency, 'open')).toEqual([
      expect.objectContaining({ invoiceId: upgrade.id, openedAt: upgrade.dueDate, lastFailure: 'unpaid when due' }),
    ]);

    await payByLink(link.payPageUrl, 'payos');
    await eventually(async () =>
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        status: 'active',
        planId: premium.planId,
        currentPeriodEnd: subscription.currentPeriodEnd,
      }),
    );
    expect((await invoicesOf(agency, subscription.id)).find((invoice) => invoice.id === upgrade.id)).toMatchObject({
      status: 'paid',
      amountPaid: upgrade.amountDue,
    });
    expect(await casesOf(agency, 'recovered')).toEqual([expect.objectContaining({ invoiceId: upgrade.id })]);
    expect(await casesOf(agency, 'open')).toEqual([]);
    expect(await keysOf(agency, readerId)).toEqual(['e-paper', 'premium-articles']);
  });

  it('an upgrade failing late in a paid period keeps access for the grace days from when it failed, until its case lapses', async () => {
    const { agency, basic, premium } = await agencyOn('payos');
    // Grace shorter than the renewal notice (the upgrade's due date): counted from the period start it would be over before the upgrade fails.
    await setPolicy(agency, { retryDays: [1], graceDays: 2, afterFinalFailure: 'cancel' });
    const { readerId, subscription } = await subscribed(agency, basic, 'payos');
    expect(
      (await change(agency, subscription.id, { planId: premium.planId, prorationDate: justAfterStart(subscription) }))
        .status,
    ).toBe(200);
    const [upgrade] = (await invoicesOf(agency, subscription.id)).filter((invoice) => invoice.proration);
    const due = Date.parse(upgrade.dueDate!);
    expect(due - Date.parse(subscription.currentPeriodStart)).toBeGreaterThan(2 * DAY_MS);

    await runAt(new Date(due + 60_000));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('past_due');
    const [opened] = await casesOf(agency, 'open');
    expect(opened).toMatchObject({ invoiceId: upgrade.id, openedAt: upgrade.dueDate });
    const lapse = new Date(due + 2 * DAY_MS);
    const grants = (
      await agency.api.get<EntitlementsView>(`/v1/subscriptions/entitlements?readerId=${readerId}`)
    ).body.entitlements.map((grant) => [grant.key, grant.until, grant.reason]);
    expect(grants).toEqual([
      ['e-paper', lapse.toISOString(), 'past_due (grace)'],
      ['premium-articles', lapse.toISOString(), 'past_due (grace)'],
    ]);

    await runAt(new Date(lapse.getTime() - 60_000));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('past_due');
    await runAt(lapse);
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('canceled');
    expect(await casesOf(agency, 'exhausted')).toEqual([expect.objectContaining({ invoiceId: upgrade.id })]);
    expect(await keysOf(agency, readerId)).toEqual([]);
  });

  it("keeps a downgrade's credit on a cancelled subscription (with what a voided renewal took of it): shown, audited, no cash booked", async () => {
    const { agency, basic, premium } = await agencyOn('payos');
    const creditOf = async (subscription: ReaderSubscriptionView, end: Date) => {
      const prorationDate = Math.floor((Date.parse(subscription.currentPeriodStart) + end.getTime()) / 2000);
      expect((await change(agency, subscription.id, { planId: basic.planId, prorationDate })).status).toBe(200);
      return (
        prorated(199_000n, subscription, prorationDate) - prorated(99_000n, subscription, prorationDate)
      ).toString();
    };
    const cancel = (id: string, atPeriodEnd: boolean) =>
      agency.api.post<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}/cancel`, { atPeriodEnd });

    // Cancelled at period end after the renewal took the credit: the renewal is voided, the credit given back and kept.
    const first = await subscribed(agency, premium, 'payos');
    const credit = await creditOf(first.subscription, first.end);
    await runAt(daysFrom(first.end, -2));
    const renewal = (await invoicesOf(agency, first.subscription.id)).find((i) => i.status === 'open')!;
    expect(renewal.creditApplied).toBe(credit);
    expect((await subscriptionOf(agency, first.subscription.id)).creditBalance).toBe('0');
    const atEnd = await cancel(first.subscription.id, true);
    expect(atEnd.body).toMatchObject({ cancelAtPeriodEnd: true, creditBalance: credit });
    await runAt(daysFrom(first.end, 0.01));
    expect(await subscriptionOf(agency, first.subscription.id)).toMatchObject({
      status: 'canceled',
      creditBalance: credit,
    });

    // Cancelled now.
    const second = await subscribed(agency, premium, 'payos');
    const secondCredit = await creditOf(second.subscription, second.end);
    const now = await cancel(second.subscription.id, false);
    expect(now.body).toMatchObject({ status: 'canceled', creditBalance: secondCredit });

    const audited = await eventually(async () => {
      const entries = (
        await agency.api.get<{ items: { action: string; targetId: string; after: Record<string, unknown> }[] }>(
          '/v1/audit-log?limit=500',
        )
      ).body.items.filter((entry) => entry.action === 'subscription.ended-with-credit');
      expect(entries).toHaveLength(2);
      return entries;
    });
    expect(audited.map((entry) => [entry.targetId, entry.after.creditBalance]).sort()).toEqual(
      [
        [first.subscription.id, credit],
        [second.subscription.id, secondCredit],
      ].sort(),
    );
    // Finance: the voided renewal reversed, no cash but the two first periods.
    const keys = [`invoice-finalized:suite:${renewal.id}`, `invoice-voided:suite:${renewal.id}`];
    const journal = await eventually(async () => {
      const entries = await journalOf(agency);
      expect(entries.map((e) => e.sourceKey)).toEqual(expect.arrayContaining(keys));
      return entries;
    });
    expect(receivableOf(journal, keys)).toBe(0n);
    const cash = journal
      .flatMap((e) => e.postings)
      .filter((p) => p.accountCode === CLEARING.payos)
      .reduce((sum, p) => sum + BigInt(p.amount), 0n);
    expect(cash).toBe(2n * 199_000n);
  });

  it('resumes a suite-billed cancellation at period end: the voided renewal is billed again; refused (409) when not set to cancel or ended', async () => {
    const { agency, basic } = await agencyOn('payos');
    const { subscription, end } = await subscribed(agency, basic, 'payos');
    const resume = () =>
      agency.api.post<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${subscription.id}/resume`, {});
    const openRenewals = async () =>
      (await invoicesOf(agency, subscription.id)).filter(
        (i) => i.servicePeriodStart === end.toISOString() && i.status === 'open',
      );
    expect((await resume()).status).toBe(409);
    await runAt(daysFrom(end, -2));
    expect(await openRenewals()).toHaveLength(1);
    const cancelled = await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, {
      atPeriodEnd: true,
    });
    expect(cancelled.status).toBe(200);
    expect(await openRenewals()).toEqual([]);

    const resumed = await resume();
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
    expect((await resume()).status).toBe(409);
    await runAt(daysFrom(end, -1.9));
    expect((await openRenewals()).map((i) => i.amountDue)).toEqual(['99000']);
    // It renews: paid, the next period starts.
    const link = await eventually(async () => {
      const sent = await payLinksOf(subscription.id);
      expect(sent).toHaveLength(2);
      return sent[1];
    });
    await payByLink(link.payPageUrl, 'payos');
    await eventually(async () =>
      expect(await subscriptionOf(agency, subscription.id)).toMatchObject({
        status: 'active',
        cancelAtPeriodEnd: false,
        currentPeriodStart: end.toISOString(),
      }),
    );
    await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, { atPeriodEnd: false });
    expect((await resume()).status).toBe(409);
  });

  it('refuses bad changes naming the field, and writes nothing', async () => {
    const { agency, basic, premium } = await agencyOn('payos');
    const { subscription } = await subscribed(agency, basic, 'payos');
    const dollars = await createMonthlyPlan(agency, { name: 'USD', currency: 'USD', unitAmount: '500' });
    const refusals: [object, number, string | null][] = [
      [{ planId: 'khong-phai-uuid' }, 400, 'planId'],
      [{ planId: premium.planId, prorationDate: -1 }, 400, 'prorationDate'],
      [{ planId: dollars.planId }, 400, 'planId'],
      [{ planId: '00000000-0000-4000-8000-000000000000' }, 404, null],
      [{ planId: basic.planId }, 409, null],
    ];
    for (const [body, status, field] of refusals) {
      for (const answer of [
        await previewOf(agency, subscription.id, body),
        await change(agency, subscription.id, body),
      ]) {
        expect([answer.status, JSON.stringify(body)]).toEqual([status, JSON.stringify(body)]);
        if (field) expect(JSON.stringify(answer.body)).toContain(field);
      }
    }
    expect(await subscriptionOf(agency, subscription.id)).toEqual(subscription);
    expect(await invoicesOf(agency, subscription.id)).toHaveLength(1);

    const cancelled = await agency.api.post(`/v1/subscriptions/subscriptions/${subscription.id}/cancel`, {
      atPeriodEnd: false,
    });
    expect(cancelled.status).toBe(200);
    expect((await change(agency, subscription.id, { planId: premium.planId })).status).toBe(409);
    expect((await subscriptionOf(agency, subscription.id)).planId).toBe(basic.planId);
  });
});
