import { EventEnvelope, JournalEntryView, RevenueReportResponse } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, FinanceEventDelivery, journalOf, reissued } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { makePayment, paymentRefunded, paymentSucceeded } from './support/payment-events';
import { TestSuite } from './support/test-suite';

describe('payments on the Vietnamese rails in the books', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
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

  const postingsOf = (entry: JournalEntryView) => entry.postings.map((p) => [p.accountCode, p.currency, p.amount]);

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    events = new FinanceEventDelivery(suite, probe);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('gives every agency a clearing account per rail and unapplied receipts', async () => {
    const agency = await provisionedAgency();
    const accounts = await agency.api.get<{ items: { code: string; name: string; type: string; system: boolean }[] }>(
      '/v1/finance/accounts',
    );
    expect(accounts.body.items.filter((a) => ['1110', '1120', '1130', '2400'].includes(a.code))).toEqual([
      expect.objectContaining({ code: '1110', name: 'MoMo clearing', type: 'asset', system: true }),
      expect.objectContaining({ code: '1120', name: 'VNPay clearing', type: 'asset', system: true }),
      expect.objectContaining({ code: '1130', name: 'payOS clearing', type: 'asset', system: true }),
      expect.objectContaining({ code: '2400', name: 'Unapplied receipts', type: 'liability', system: true }),
    ]);
  });

  it("books each rail to its own clearing account against the stream's receivable, on the agency-local day", async () => {
    const agency = await provisionedAgency();
    const momo = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 110_000n });
    const vnpay = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'subscriptions', amount: 2_200_000n });
    const payos = makePayment(agency.tenantId, { rail: 'payos', stream: 'licensing', amount: 55_000n });
    const dollars = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'gifts', amount: 1_999n, currency: 'USD' });
    // 18:30 UTC is 01:30 the next day in Hanoi.
    await events.deliver([
      paymentSucceeded(momo, '2026-11-02T18:30:00.000Z'),
      paymentSucceeded(vnpay, '2026-11-03T03:00:00.000Z'),
      paymentSucceeded(payos, '2026-11-04T03:00:00.000Z'),
      paymentSucceeded(dollars, '2026-11-05T03:00:00.000Z'),
    ]);

    const paidOnMomo = await entryOf(agency, `payment-succeeded:${momo.paymentId}`);
    expect(paidOnMomo).toMatchObject({ postedOn: '2026-11-03', stream: 'advertising' });
    expect(postingsOf(paidOnMomo)).toEqual([
      ['1110', 'VND', '110000'],
      ['1300', 'VND', '-110000'],
    ]);
    expect(postingsOf(await entryOf(agency, `payment-succeeded:${vnpay.paymentId}`))).toEqual([
      ['1120', 'VND', '2200000'],
      ['1300', 'VND', '-2200000'],
    ]);
    expect(postingsOf(await entryOf(agency, `payment-succeeded:${payos.paymentId}`))).toEqual([
      ['1130', 'VND', '55000'],
      ['1300', 'VND', '-55000'],
    ]);
    const paidInDollars = await entryOf(agency, `payment-succeeded:${dollars.paymentId}`);
    // Gifts are sold as subscriptions: their payments are reported there.
    expect(paidInDollars).toMatchObject({ postedOn: '2026-11-05', stream: 'subscriptions' });
    expect(postingsOf(paidInDollars)).toEqual([
      ['1120', 'USD', '1999'],
      ['1300', 'USD', '-1999'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1110': '110000',
      '1120': '2200000',
      '1130': '55000',
      '1300': '-2365000',
    });
    expect(await balancesIn(agency, 'USD')).toEqual({ '1120': '1999', '1300': '-1999' });

    const report = await agency.api.get<RevenueReportResponse>('/v1/finance/reports/revenue?from=2026-11&to=2026-11');
    expect(report.body.rows.map((r) => [r.stream, r.currency, r.billed, r.collected, r.recognized])).toEqual([
      ['advertising', 'VND', '0', '110000', '0'],
      ['licensing', 'VND', '0', '55000', '0'],
      ['subscriptions', 'USD', '0', '1999', '0'],
      ['subscriptions', 'VND', '0', '2200000', '0'],
    ]);
  });

  it('credits unapplied receipts for a payment no stream asked for, in no stream', async () => {
    const agency = await provisionedAgency();
    const direct = makePayment(agency.tenantId, { rail: 'payos', stream: 'direct', amount: 500_000n });
    await events.deliver([paymentSucceeded(direct, '2026-11-10T03:00:00.000Z')]);
    const paid = await entryOf(agency, `payment-succeeded:${direct.paymentId}`);
    expect(paid.stream).toBeNull();
    expect(postingsOf(paid)).toEqual([
      ['1130', 'VND', '500000'],
      ['2400', 'VND', '-500000'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({ '1130': '500000', '2400': '-500000' });
  });

  it('books a payment once, however often it is delivered or published again', async () => {
    const agency = await provisionedAgency();
    // Advertising: a subscription payment's refund waits for its invoice (see rail-refund-postings).
    const payment = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 99_000n });
    const succeeded = paymentSucceeded(payment, '2026-11-11T03:00:00.000Z');
    const refunded = paymentRefunded(payment, {
      amount: 9_000n,
      refundedTotal: 9_000n,
      refundedAt: '2026-11-12T03:00:00.000Z',
    });
    await events.deliverInOrder([succeeded, succeeded, reissued(succeeded), refunded, refunded, reissued(refunded)]);
    expect(await entriesOf(agency, `payment-succeeded:${payment.paymentId}`)).toHaveLength(1);
    expect(await entriesOf(agency, `payment-refunded:${refunded.data.refundId}`)).toHaveLength(1);
    expect(await balancesIn(agency, 'VND')).toEqual({ '1110': '90000', '1300': '-90000' });
  });

  it('reverses a partial then a full refund exactly, each from the account the payment credited, on its own rail', async () => {
    const agency = await provisionedAgency();
    const onMomo = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 1_000_000n });
    const onVnpay = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'licensing', amount: 300_000n });
    const direct = makePayment(agency.tenantId, { rail: 'payos', stream: 'direct', amount: 800_000n });
    const partial = paymentRefunded(onMomo, {
      amount: 400_000n,
      refundedTotal: 400_000n,
      refundedAt: '2026-11-21T03:00:00.000Z',
    });
    const rest = paymentRefunded(onMomo, {
      amount: 600_000n,
      refundedTotal: 1_000_000n,
      refundedAt: '2026-11-22T03:00:00.000Z',
    });
    const directPartial = paymentRefunded(direct, {
      amount: 300_000n,
      refundedTotal: 300_000n,
      refundedAt: '2026-11-23T03:00:00.000Z',
    });
    await events.deliverInOrder([
      paymentSucceeded(onMomo, '2026-11-20T03:00:00.000Z'),
      paymentSucceeded(onVnpay, '2026-11-20T04:00:00.000Z'),
      paymentSucceeded(direct, '2026-11-20T05:00:00.000Z'),
      partial,
      rest,
      directPartial,
    ]);

    const first = await entryOf(agency, `payment-refunded:${partial.data.refundId}`);
    expect(first).toMatchObject({ postedOn: '2026-11-21', stream: 'advertising' });
    expect(postingsOf(first)).toEqual([
      ['1300', 'VND', '400000'],
      ['1110', 'VND', '-400000'],
    ]);
    expect(postingsOf(await entryOf(agency, `payment-refunded:${rest.data.refundId}`))).toEqual([
      ['1300', 'VND', '600000'],
      ['1110', 'VND', '-600000'],
    ]);
    expect(postingsOf(await entryOf(agency, `payment-refunded:${directPartial.data.refundId}`))).toEqual([
      ['2400', 'VND', '300000'],
      ['1130', 'VND', '-300000'],
    ]);
    // MoMo refunded in full nets to nothing; VNPay keeps its payment; payOS keeps what was not given back.
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1120': '300000',
      '1130': '500000',
      '1300': '-300000',
      '2400': '-500000',
    });
  });

  it('books a payment and its refund told after their month closed on the first open day, each with its own date', async () => {
    const agency = await provisionedAgency();
    expect((await agency.api.post('/v1/finance/periods/2026-08/close', undefined)).status).toBe(200);
    const payment = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'advertising', amount: 770_000n });
    const refunded = paymentRefunded(payment, {
      amount: 70_000n,
      refundedTotal: 70_000n,
      refundedAt: '2026-08-31T03:00:00.000Z',
    });
    await events.deliverInOrder([paymentSucceeded(payment, '2026-08-30T03:00:00.000Z'), refunded]);
    for (const [sourceKey, day] of [
      [`payment-succeeded:${payment.paymentId}`, '2026-08-30'],
      [`payment-refunded:${refunded.data.refundId}`, '2026-08-31'],
    ]) {
      expect(await entryOf(agency, sourceKey)).toMatchObject({
        postedOn: '2026-09-01',
        datedOriginally: day,
        lateReference: `late: ${day}, August 2026 closed`,
      });
    }
    expect(await balancesIn(agency, 'VND')).toEqual({ '1120': '700000', '1300': '-700000' });
  });

  it('books nothing of an event with a bad amount, and dead-letters it', async () => {
    const agency = await provisionedAgency();
    const payment = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'subscriptions', amount: 99_000n });
    const good = paymentSucceeded(payment, '2026-11-25T03:00:00.000Z');
    const bad: EventEnvelope<unknown> = { ...good, data: { ...good.data, amount: '99000.50' } };
    await probe.publish(bad);
    await eventually(async () =>
      expect((await probe.deadLetters('dlq.finance.')).map((m) => m.json<EventEnvelope>().id)).toContain(bad.id),
    );
    expect(await journalOf(agency)).toEqual([]);
    expect(await balancesIn(agency, 'VND')).toEqual({});
  });
});
