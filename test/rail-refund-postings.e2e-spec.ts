import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  JournalEntryView,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
  WaitingEventListResponse,
} from '@libs/contracts';
import { RecognitionRunService } from '../apps/finance/src/recognition/recognition-run.service';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, FinanceEventDelivery, journalOf, reissued } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { makePayment, paymentRefunded, paymentSucceeded, TestPayment } from './support/payment-events';
import {
  finalized,
  giftPurchased,
  makeGift,
  makeInvoice,
  paid,
  TestGift,
  TestInvoice,
} from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

describe('refunds on the Vietnamese rails of subscription invoices and gifts in the books', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;
  let events: FinanceEventDelivery;

  const provisionedAgency = () => createFinanceAgency(api, suite.operatorToken);

  async function entriesOf(agency: TestAgency, sourceKey: string): Promise<JournalEntryView[]> {
    return (await journalOf(agency)).filter((e) => e.sourceKey === sourceKey);
  }

  async function entryOf(agency: TestAgency, sourceKey: string): Promise<JournalEntryView> {
    const [found] = await entriesOf(agency, sourceKey);
    if (!found) throw new Error(`no entry ${sourceKey}`);
    return found;
  }

  /** By account code: the order the journal lists an entry's postings in is not the point here. */
  const postingsOf = (entry: JournalEntryView) =>
    entry.postings.map((p) => [p.accountCode, p.currency, p.amount]).sort(([a], [b]) => a.localeCompare(b));

  async function scheduleOf(agency: TestAgency, source: string): Promise<RecognitionScheduleView> {
    const page = await agency.api.get<RecognitionScheduleListResponse>('/v1/finance/recognition-schedules?limit=100');
    const found = page.body.items.find((s) => s.source === source);
    if (!found) throw new Error(`no schedule for ${source}`);
    return found;
  }

  async function waitingOf(agency: TestAgency): Promise<string[]> {
    const page = await agency.api.get<WaitingEventListResponse>('/v1/finance/waiting-events');
    return page.body.items.map((w) => w.awaits);
  }

  /** The entry reconciliation pairs with a rail's refund. */
  async function railKeyOf(agency: TestAgency, providerRefundId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ entry_id: string }>(
      `SELECT entry_id FROM finance.rail_ledger_keys WHERE tenant_id = $1 AND movement = 'refund' AND rail_transaction_id = $2`,
      [agency.tenantId, providerRefundId],
    );
    return rows[0]?.entry_id;
  }

  /** A suite-billed invoice (1 to 31 October 2026 in Hanoi, 30 days) and the payment on a rail that pays it. */
  function railInvoice(agency: TestAgency, rail: TestPayment['rail'], amount: bigint, tax: bigint) {
    const invoiceId = randomUUID();
    const payment = makePayment(agency.tenantId, { rail, stream: 'subscriptions', amount, reference: invoiceId });
    const invoice: TestInvoice = makeInvoice(agency.tenantId, {
      invoiceId: `suite:${invoiceId}`,
      amount,
      tax,
      paymentId: payment.paymentId,
    });
    return { invoice, payment };
  }

  /** A gift bought on a rail: the payment's reference is the gift purchase, not the gift. */
  function railGift(agency: TestAgency, rail: TestPayment['rail'], amount: bigint, tax: bigint) {
    const payment = makePayment(agency.tenantId, { rail, stream: 'gifts', amount, reference: randomUUID() });
    const gift: TestGift = makeGift(agency.tenantId, { paid: amount, tax, paymentId: payment.paymentId });
    return { gift, payment };
  }

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

  it('gives back VAT, deferred revenue and (once recognized) refunds of an invoice, from clearing, as the schedule shrinks', async () => {
    const agency = await provisionedAgency();
    const { invoice, payment } = railInvoice(agency, 'momo', 990_000n, 90_000n);
    const source = `invoice:${invoice.invoiceId}`;
    await events.deliverInOrder([
      finalized(invoice),
      paymentSucceeded(payment, '2026-09-30T17:05:00.000Z'),
      paid(invoice),
    ]);
    // Billed (Dr receivable), paid on MoMo (Cr receivable): the receivable is settled.
    expect(await balancesIn(agency, 'VND')).toEqual({ '1110': '990000', '2100': '-900000', '2200': '-90000' });

    const partial = paymentRefunded(payment, {
      amount: 99_000n,
      refundedTotal: 99_000n,
      refundedAt: '2026-10-01T03:00:00.000Z',
    });
    await events.deliverInOrder([partial]);
    const first = await entryOf(agency, `payment-refunded:${partial.data.refundId}`);
    expect(first).toMatchObject({ postedOn: '2026-10-01', stream: 'subscriptions' });
    // Nothing recognized yet: a tenth of the tax, the rest off deferred revenue.
    expect(postingsOf(first)).toEqual([
      ['1110', 'VND', '-99000'],
      ['2100', 'VND', '90000'],
      ['2200', 'VND', '9000'],
    ]);
    expect(await scheduleOf(agency, source)).toMatchObject({
      refunds: '99000',
      reduced: '90000',
      remaining: '810000',
      recognized: '0',
    });
    expect(await railKeyOf(agency, partial.data.providerRefundId)).toBe(first.id);

    // Hanoi's 16 October: half the 30 days of what is left are recognized.
    await suite
      .instances('finance')[0]
      .get(RecognitionRunService)
      .recognizeAgency(agency.tenantId, new Date('2026-10-16T01:00:00.000Z'));
    expect(await scheduleOf(agency, source)).toMatchObject({ recognized: '405000', remaining: '405000' });

    const rest = paymentRefunded(payment, {
      amount: 891_000n,
      refundedTotal: 990_000n,
      refundedAt: '2026-10-16T03:00:00.000Z',
    });
    await events.deliverInOrder([rest]);
    const second = await entryOf(agency, `payment-refunded:${rest.data.refundId}`);
    // The rest of the tax; of the net, what is still deferred and, for what was recognized, refunds.
    expect(postingsOf(second)).toEqual([
      ['1110', 'VND', '-891000'],
      ['2100', 'VND', '405000'],
      ['2200', 'VND', '81000'],
      ['5200', 'VND', '405000'],
    ]);
    expect(await scheduleOf(agency, source)).toMatchObject({
      status: 'completed',
      refunds: '990000',
      reduced: '495000',
      recognized: '405000',
      remaining: '0',
    });
    // Clearing, receivable, VAT and deferred revenue all net to nothing; what was recognized is offset by refunds.
    expect(await balancesIn(agency, 'VND')).toEqual({ '4100': '-405000', '5200': '405000' });
  });

  it('gives back a gift bought on a rail against its deferred revenue, on its product', async () => {
    const agency = await provisionedAgency();
    const { gift, payment } = railGift(agency, 'payos', 330_000n, 30_000n);
    await events.deliverInOrder([
      paymentSucceeded(payment, '2026-11-02T03:00:00.000Z'),
      giftPurchased(gift, '2026-11-02T03:00:00.000Z'),
    ]);
    const refund = paymentRefunded(payment, {
      amount: 110_000n,
      refundedTotal: 110_000n,
      refundedAt: '2026-11-03T03:00:00.000Z',
    });
    await events.deliverInOrder([refund]);
    const entry = await entryOf(agency, `payment-refunded:${refund.data.refundId}`);
    expect(entry).toMatchObject({ postedOn: '2026-11-03', stream: 'subscriptions', productId: gift.productId });
    expect(postingsOf(entry)).toEqual([
      ['1130', 'VND', '-110000'],
      ['2100', 'VND', '100000'],
      ['2200', 'VND', '10000'],
    ]);
    expect(await scheduleOf(agency, `gift:${gift.giftId}`)).toMatchObject({
      status: 'awaiting-service',
      refunds: '110000',
      remaining: '200000',
    });
    expect(await balancesIn(agency, 'VND')).toEqual({ '1130': '220000', '2100': '-200000', '2200': '-20000' });
  });

  it('books a refund once, however often it is delivered or published again', async () => {
    const agency = await provisionedAgency();
    const { invoice, payment } = railInvoice(agency, 'vnpay', 220_000n, 20_000n);
    const refund = paymentRefunded(payment, {
      amount: 110_000n,
      refundedTotal: 110_000n,
      refundedAt: '2026-10-02T03:00:00.000Z',
    });
    await events.deliverInOrder([
      finalized(invoice),
      paymentSucceeded(payment, '2026-09-30T17:05:00.000Z'),
      paid(invoice),
      refund,
      refund,
      reissued(refund),
    ]);
    expect(await entriesOf(agency, `payment-refunded:${refund.data.refundId}`)).toHaveLength(1);
    expect(await scheduleOf(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      refunds: '110000',
      reduced: '100000',
      remaining: '100000',
    });
    expect(await balancesIn(agency, 'VND')).toEqual({ '1120': '110000', '2100': '-100000', '2200': '-10000' });
  });

  it("waits with a refund told before its invoice's or gift's payment, and books it when that comes", async () => {
    const agency = await provisionedAgency();
    const { invoice, payment } = railInvoice(agency, 'momo', 330_000n, 30_000n);
    const { gift, payment: giftPayment } = railGift(agency, 'vnpay', 550_000n, 50_000n);
    const invoiceRefund = paymentRefunded(payment, {
      amount: 330_000n,
      refundedTotal: 330_000n,
      refundedAt: '2026-10-01T03:00:00.000Z',
    });
    const giftRefund = paymentRefunded(giftPayment, {
      amount: 550_000n,
      refundedTotal: 550_000n,
      refundedAt: '2026-10-01T04:00:00.000Z',
    });
    await events.deliverInOrder([
      finalized(invoice),
      paymentSucceeded(payment, '2026-09-30T17:05:00.000Z'),
      paymentSucceeded(giftPayment, '2026-09-30T18:00:00.000Z'),
      invoiceRefund,
      giftRefund,
    ]);
    expect(await entriesOf(agency, `payment-refunded:${invoiceRefund.data.refundId}`)).toEqual([]);
    expect(await entriesOf(agency, `payment-refunded:${giftRefund.data.refundId}`)).toEqual([]);
    expect((await waitingOf(agency)).sort()).toEqual(
      [`payment:${payment.paymentId}`, `payment:${giftPayment.paymentId}`].sort(),
    );

    await events.deliverInOrder([paid(invoice), giftPurchased(gift, '2026-09-30T18:00:00.000Z')]);
    expect(await waitingOf(agency)).toEqual([]);
    const invoiceEntry = await entryOf(agency, `payment-refunded:${invoiceRefund.data.refundId}`);
    expect(invoiceEntry.postedOn).toBe('2026-10-01');
    expect(postingsOf(invoiceEntry)).toEqual([
      ['1110', 'VND', '-330000'],
      ['2100', 'VND', '300000'],
      ['2200', 'VND', '30000'],
    ]);
    expect(postingsOf(await entryOf(agency, `payment-refunded:${giftRefund.data.refundId}`))).toEqual([
      ['1120', 'VND', '-550000'],
      ['2100', 'VND', '500000'],
      ['2200', 'VND', '50000'],
    ]);
    expect(await railKeyOf(agency, invoiceRefund.data.providerRefundId)).toBe(invoiceEntry.id);
    expect(await scheduleOf(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      status: 'completed',
      remaining: '0',
    });
    // Both refunded in full: nothing is left anywhere.
    expect(await balancesIn(agency, 'VND')).toEqual({});
  });

  it("keeps reversing a direct payment's refund from unapplied receipts", async () => {
    const agency = await provisionedAgency();
    const direct = makePayment(agency.tenantId, { rail: 'payos', stream: 'direct', amount: 800_000n });
    const refund = paymentRefunded(direct, {
      amount: 300_000n,
      refundedTotal: 300_000n,
      refundedAt: '2026-11-23T03:00:00.000Z',
    });
    await events.deliverInOrder([paymentSucceeded(direct, '2026-11-20T03:00:00.000Z'), refund]);
    const entry = await entryOf(agency, `payment-refunded:${refund.data.refundId}`);
    expect(entry.stream).toBeNull();
    expect(postingsOf(entry)).toEqual([
      ['1130', 'VND', '-300000'],
      ['2400', 'VND', '300000'],
    ]);
    expect(await railKeyOf(agency, refund.data.providerRefundId)).toBe(entry.id);
    expect(await balancesIn(agency, 'VND')).toEqual({ '1130': '500000', '2400': '-500000' });
  });
});
