import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  DunningCaseListResponse,
  InvoiceView,
  JournalEntryView,
  PaymentAttemptView,
  PaymentLeftUnappliedEvent,
  PaymentView,
  RailCheckoutView,
  ReaderSubscriptionView,
  RenewalPaymentRequestedEvent,
  WaitingEventListResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { SuiteBillingSchedule } from '../apps/subscriptions/src/rail-billing/suite-billing.schedule';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, FinanceEventDelivery, journalOf, reissued } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { makePayment, paymentLeftUnapplied, paymentRefunded, paymentSucceeded } from './support/payment-events';
import { configureRailAccount } from './support/rail-accounts';
import { createMonthlyPlan, linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

const [MOMO_CLEARING, VNPAY_CLEARING, RECEIVABLE, UNAPPLIED_RECEIPTS] = ['1110', '1120', '1300', '2400'];
const LEFT_UNAPPLIED = 'evt.subscriptions.payment.left-unapplied.v1';
const DAY_MS = 86_400_000;

/** By account code: the order the journal lists an entry's postings in is not the point here. */
const postingsOf = (entry: JournalEntryView) =>
  entry.postings.map((p) => [p.accountCode, p.currency, p.amount]).sort(([a], [b]) => a.localeCompare(b));

async function waitingOf(agency: TestAgency): Promise<string[]> {
  const page = await agency.api.get<WaitingEventListResponse>('/v1/finance/waiting-events');
  expect(page.status).toBe(200);
  return page.body.items.map((w) => w.awaits);
}

describe('payments on the rails that subscriptions leaves unapplied, in the books', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;
  let events: FinanceEventDelivery;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    events = new FinanceEventDelivery(suite, probe);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  async function entriesOf(agency: TestAgency, sourceKey: string): Promise<JournalEntryView[]> {
    return (await journalOf(agency)).filter((e) => e.sourceKey === sourceKey);
  }

  async function entryOf(agency: TestAgency, sourceKey: string): Promise<JournalEntryView> {
    const [found] = await entriesOf(agency, sourceKey);
    if (!found) throw new Error(`no entry ${sourceKey}`);
    return found;
  }

  /** The entry reconciliation pairs with a rail's refund. */
  async function railKeyOf(agency: TestAgency, providerRefundId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ entry_id: string }>(
      `SELECT entry_id FROM finance.rail_ledger_keys WHERE tenant_id = $1 AND movement = 'refund' AND rail_transaction_id = $2`,
      [agency.tenantId, providerRefundId],
    );
    return rows[0]?.entry_id;
  }

  it('moves a payment left unapplied from the receivable to unapplied receipts, once, and refunds it from there to the clearing', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const payment = makePayment(agency.tenantId, {
      rail: 'momo',
      stream: 'subscriptions',
      amount: 99_000n,
      reference: randomUUID(),
    });
    await events.deliverInOrder([paymentSucceeded(payment, '2026-10-08T02:00:00.000Z')]);
    // The payment credited the receivable, and no invoice will ever debit it.
    expect(await balancesIn(agency, 'VND')).toEqual({ [MOMO_CLEARING]: '99000', [RECEIVABLE]: '-99000' });

    const left = paymentLeftUnapplied(payment, '2026-10-08T02:00:00.000Z');
    await events.deliverInOrder([left, left, reissued(left)]);
    const held = await entriesOf(agency, `payment-unapplied:${payment.paymentId}`);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ postedOn: '2026-10-08', stream: 'subscriptions' });
    expect(postingsOf(held[0])).toEqual([
      [RECEIVABLE, 'VND', '99000'],
      [UNAPPLIED_RECEIPTS, 'VND', '-99000'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({ [MOMO_CLEARING]: '99000', [UNAPPLIED_RECEIPTS]: '-99000' });

    const refund = paymentRefunded(payment, {
      amount: 99_000n,
      refundedTotal: 99_000n,
      refundedAt: '2026-10-09T03:00:00.000Z',
    });
    await events.deliverInOrder([refund, reissued(refund)]);
    const refunded = await entriesOf(agency, `payment-refunded:${refund.data.refundId}`);
    expect(refunded).toHaveLength(1);
    expect(refunded[0]).toMatchObject({ postedOn: '2026-10-09', stream: 'subscriptions' });
    expect(postingsOf(refunded[0])).toEqual([
      [MOMO_CLEARING, 'VND', '-99000'],
      [UNAPPLIED_RECEIPTS, 'VND', '99000'],
    ]);
    expect(await railKeyOf(agency, refund.data.providerRefundId)).toBe(refunded[0].id);
    expect(await waitingOf(agency)).toEqual([]);
    // Nothing was revenue, and nothing is left anywhere.
    expect(await balancesIn(agency, 'VND')).toEqual({});
  });

  it('waits with a refund told before its payment is left unapplied, and books it from unapplied receipts when it is', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const payment = makePayment(agency.tenantId, {
      rail: 'vnpay',
      stream: 'gifts',
      amount: 297_000n,
      reference: randomUUID(),
    });
    const partly = paymentRefunded(payment, {
      amount: 97_000n,
      refundedTotal: 97_000n,
      refundedAt: '2026-11-03T03:00:00.000Z',
    });
    const rest = paymentRefunded(payment, {
      amount: 200_000n,
      refundedTotal: 297_000n,
      refundedAt: '2026-11-04T03:00:00.000Z',
    });
    await events.deliverInOrder([paymentSucceeded(payment, '2026-11-02T03:00:00.000Z'), partly, rest]);
    expect(await entriesOf(agency, `payment-refunded:${partly.data.refundId}`)).toEqual([]);
    expect(await waitingOf(agency)).toEqual([`payment:${payment.paymentId}`, `payment:${payment.paymentId}`]);

    await events.deliverInOrder([
      paymentLeftUnapplied(payment, '2026-11-02T03:00:00.000Z', 'no gift purchase of the agency has that id'),
    ]);
    expect(await waitingOf(agency)).toEqual([]);
    const first = await entryOf(agency, `payment-refunded:${partly.data.refundId}`);
    expect(first.postedOn).toBe('2026-11-03');
    expect(postingsOf(first)).toEqual([
      [VNPAY_CLEARING, 'VND', '-97000'],
      [UNAPPLIED_RECEIPTS, 'VND', '97000'],
    ]);
    expect(postingsOf(await entryOf(agency, `payment-refunded:${rest.data.refundId}`))).toEqual([
      [VNPAY_CLEARING, 'VND', '-200000'],
      [UNAPPLIED_RECEIPTS, 'VND', '200000'],
    ]);
    expect(await railKeyOf(agency, partly.data.providerRefundId)).toBe(first.id);
    expect(await balancesIn(agency, 'VND')).toEqual({});
  });

  it('holds what is not refunded yet as unapplied receipts, whichever of the payment and its holding comes first', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const payment = makePayment(agency.tenantId, { rail: 'momo', stream: 'subscriptions', amount: 50_000n });
    await events.deliverInOrder([
      paymentLeftUnapplied(payment, '2026-12-01T03:00:00.000Z'),
      paymentSucceeded(payment, '2026-12-01T03:00:00.000Z'),
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({ [MOMO_CLEARING]: '50000', [UNAPPLIED_RECEIPTS]: '-50000' });
    expect(await waitingOf(agency)).toEqual([]);
  });
});

describe('a payment that arrives after dunning ended its renewal, refunded by staff', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let momo: FakeMomo;
  let gatewayUrl: string;

  beforeAll(async () => {
    [momo, stripe] = await Promise.all([startFakeMomo(), startFakeStripe()]);
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${momo.url}`,
    });
    gatewayUrl = await suite.gatewayUrl();
    api = new Api(gatewayUrl);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await Promise.all([momo, stripe].map((fake) => fake?.close()));
  });

  const runAt = (at: Date) => suite.instances('subscriptions')[0].get(SuiteBillingSchedule).runDue(at);
  const daysFrom = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);

  async function payByLink(payPageUrl: string): Promise<void> {
    const link = new URL(payPageUrl);
    const attempt = await api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    await momo.pay(attempt.body, { notifications: 2 });
  }

  const subscriptionOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<ReaderSubscriptionView>(`/v1/subscriptions/subscriptions/${id}`)).body;

  const exhaustedCases = async (agency: TestAgency) =>
    (await agency.api.get<DunningCaseListResponse>('/v1/subscriptions/dunning-cases?status=exhausted')).body.items;

  it('keeps the late payment on the dunning case, holds it as unapplied receipts, and its refund leaves receivable, unapplied receipts and clearing as they were', async () => {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    expect(
      (
        await agency.api.post('/v1/subscriptions/tax-rates', {
          productType: 'digital-subscription',
          percentage: '10',
          inclusive: true,
          displayName: 'VAT',
          effectiveFrom: '2020-01-01T00:00:00+07:00',
        })
      ).status,
    ).toBe(201);
    await configureRailAccount(agency, momo);
    const plan = await createMonthlyPlan(agency);
    const checkout = await agency.api.post<RailCheckoutView>('/v1/subscriptions/rail-checkouts', {
      planId: plan.planId,
      readerId: 'doc-gia-tra-muon',
      returnUrl: 'https://tinnhanh.vn/cam-on',
    });
    expect(checkout.status).toBe(201);
    await payByLink(checkout.body.payPageUrl!);
    const subscription = await eventually(async () => {
      const current = await subscriptionOf(agency, checkout.body.subscriptionId);
      expect(current.status).toBe('active');
      return current;
    });
    const end = new Date(subscription.currentPeriodEnd);

    // The renewal is billed, falls past due, and lapses unpaid at the end of grace.
    await runAt(daysFrom(end, -2));
    await runAt(daysFrom(end, 0.01));
    await runAt(daysFrom(end, 7));
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('canceled');
    const renewal = (
      await agency.api.get<{ items: InvoiceView[] }>(`/v1/subscriptions/invoices?subscriptionId=${subscription.id}`)
    ).body.items.find((invoice) => invoice.servicePeriodStart === end.toISOString())!;
    expect(renewal.status).toBe('void');
    const [link] = await eventually(async () => {
      const sent = (
        await probe.published<RenewalPaymentRequestedEvent>('evt.subscriptions.renewal.payment-requested.v1')
      ).filter((e) => e.data.subscriptionId === subscription.id);
      expect(sent.length).toBeGreaterThan(0);
      return sent;
    });
    // Billing reversed in the books before the money comes, so the receivable is settled by the first period alone.
    await eventually(async () =>
      expect((await journalOf(agency)).map((e) => e.sourceKey)).toContain(`invoice-voided:suite:${renewal.id}`),
    );
    const before = await balancesIn(agency, 'VND');
    expect(before[RECEIVABLE]).toBeUndefined();
    expect(before[UNAPPLIED_RECEIPTS]).toBeUndefined();

    // The reader pays after the lapse.
    await payByLink(link.data.payPageUrl);
    const held = await eventually(async () => {
      const [found] = await exhaustedCases(agency);
      expect(found.latePaymentId).toEqual(expect.any(String));
      return found;
    });
    expect(held.invoiceId).toBe(renewal.id);
    const latePaymentId = held.latePaymentId!;
    const [left] = await eventually(async () => {
      const found = (await probe.published<PaymentLeftUnappliedEvent>(LEFT_UNAPPLIED)).filter(
        (e) => e.data.paymentId === latePaymentId,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(left.data).toMatchObject({
      rail: 'momo',
      stream: 'subscriptions',
      reference: renewal.id,
      invoiceId: renewal.id,
      giftPurchaseId: null,
      currency: 'VND',
      amount: '99000',
      reason: 'the invoice is void: the money is held for a refund',
    });
    const holding = await eventually(async () => {
      const found = (await journalOf(agency)).find((e) => e.sourceKey === `payment-unapplied:${latePaymentId}`);
      expect(found).toBeDefined();
      return found!;
    });
    expect(postingsOf(holding)).toEqual([
      [RECEIVABLE, 'VND', '99000'],
      [UNAPPLIED_RECEIPTS, 'VND', '-99000'],
    ]);
    await eventually(async () => {
      const balances = await balancesIn(agency, 'VND');
      expect(balances[RECEIVABLE]).toBeUndefined();
      expect(balances[UNAPPLIED_RECEIPTS]).toBe('-99000');
      expect(balances[MOMO_CLEARING]).toBe((BigInt(before[MOMO_CLEARING]) + 99_000n).toString());
    });

    // Staff refund it where they refund any payment.
    const refund = await agency.api.post<PaymentView>(`/v1/payments/payments/${latePaymentId}/refunds`, {
      reason: 'gia hạn đã bị hủy',
    });
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({ status: 'refunded', refundedAmount: '99000' });
    const journal = await eventually(async () => {
      const entries = await journalOf(agency);
      expect(entries.filter((e) => e.sourceKey.startsWith('payment-refunded:'))).toHaveLength(1);
      return entries;
    });
    const refunded = journal.find((e) => e.sourceKey.startsWith('payment-refunded:'))!;
    expect(postingsOf(refunded)).toEqual([
      [MOMO_CLEARING, 'VND', '-99000'],
      [UNAPPLIED_RECEIPTS, 'VND', '99000'],
    ]);
    // Receivable and unapplied receipts back to nothing, the clearing as before the late payment, nothing waiting.
    expect(await balancesIn(agency, 'VND')).toEqual(before);
    expect(await waitingOf(agency)).toEqual([]);
    // Staff still see which payment the case kept, and the subscription stays ended.
    expect((await exhaustedCases(agency))[0]).toMatchObject({ invoiceId: renewal.id, latePaymentId });
    expect((await subscriptionOf(agency, subscription.id)).status).toBe('canceled');
  });

  it('leaves unapplied a payment for a gift purchase the agency does not have, so that its refund is booked', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const account = await configureRailAccount(agency, momo);
    const reference = randomUUID();
    const payment = await agency.api.post<{ id: string; payPageUrl: string }>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'gifts', reference, description: 'Quà tặng' },
      buyer: null,
      returnUrl: 'https://tinnhanh.vn/cam-on',
      rails: [account.rail],
    });
    expect(payment.status).toBe(201);
    await payByLink(payment.body.payPageUrl);
    const [left] = await eventually(async () => {
      const found = (await probe.published<PaymentLeftUnappliedEvent>(LEFT_UNAPPLIED)).filter(
        (e) => e.data.paymentId === payment.body.id,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(left.data).toMatchObject({
      stream: 'gifts',
      reference,
      invoiceId: null,
      giftPurchaseId: null,
      reason: 'no gift purchase of the agency has that id',
    });
    await eventually(async () =>
      expect(await balancesIn(agency, 'VND')).toEqual({ [MOMO_CLEARING]: '99000', [UNAPPLIED_RECEIPTS]: '-99000' }),
    );
    expect(
      (await agency.api.post(`/v1/payments/payments/${payment.body.id}/refunds`, { amount: '9000', reason: 'x' }))
        .status,
    ).toBe(200);
    await eventually(async () =>
      expect(await balancesIn(agency, 'VND')).toEqual({ [MOMO_CLEARING]: '90000', [UNAPPLIED_RECEIPTS]: '-90000' }),
    );
    expect(await waitingOf(agency)).toEqual([]);
  });
});
