import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { JournalEntryView, WaitingEventListResponse } from '@libs/contracts';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, FinanceEventDelivery, journalOf, reissued } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import {
  disputeClosed,
  disputeOpened,
  finalized,
  giftExpired,
  giftPurchased,
  giftRedeemed,
  makeGift,
  makeInvoice,
  paid,
  refunded,
  voided,
} from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

interface ScheduleRow {
  source_ref: string;
  stream: string;
  product_id: string | null;
  currency: string;
  method: string;
  status: string;
  billed: string;
  tax: string;
  total: string;
  reduced: string;
  refunded: string;
  recognized: string;
  first_day: string | null;
  days: number | null;
  next_day: string | null;
  provider_charge_id: string | null;
}

describe('subscription money on accrual: billed, collected, given back', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;
  let events: FinanceEventDelivery;

  const provisionedAgency = () => createFinanceAgency(api, suite.operatorToken);

  const journal = journalOf;

  const postingsOf = (entry: JournalEntryView) => entry.postings.map((p) => [p.accountCode, p.amount]);

  async function schedule(agency: TestAgency, sourceRef: string): Promise<ScheduleRow | undefined> {
    const { rows } = await db.query<ScheduleRow>(
      `SELECT source_ref, stream, product_id, currency, method, status, billed::text, tax::text, total::text, reduced::text, refunded::text,
              recognized::text, to_char(first_day, 'YYYY-MM-DD') AS first_day, days, to_char(next_day, 'YYYY-MM-DD') AS next_day, provider_charge_id
       FROM finance.recognition_schedules WHERE tenant_id = $1 AND source_ref = $2`,
      [agency.tenantId, sourceRef],
    );
    return rows[0];
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

  it('books a payment made at 18:00 UTC on 30 November on 1 December for a Vietnamese agency', async () => {
    const agency = await provisionedAgency();
    await events.deliver([paid(makeInvoice(agency.tenantId, { at: '2026-11-30T18:00:00.000Z' }))]);
    const entries = await journal(agency);
    expect(entries.map((e) => e.postedOn)).toEqual(['2026-12-01', '2026-12-01']);
  });

  it('bills an invoice to receivable, VAT and deferred revenue, then collects it against the receivable', async () => {
    const agency = await provisionedAgency();
    const invoice = makeInvoice(agency.tenantId);
    await events.deliver([finalized(invoice)]);
    const [billed] = await journal(agency);
    expect(billed).toMatchObject({
      sourceKey: `invoice-finalized:${invoice.invoiceId}`,
      postedOn: '2026-10-01',
      stream: 'subscriptions',
      counterpartyId: null,
    });
    expect(postingsOf(billed)).toEqual([
      ['1300', '99000'],
      ['2200', '-9000'],
      ['2100', '-90000'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({ '1300': '99000', '2200': '-9000', '2100': '-90000' });
    expect(await schedule(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      stream: 'subscriptions',
      method: 'ratable',
      status: 'active',
      billed: '99000',
      tax: '9000',
      total: '90000',
      recognized: '0',
      first_day: '2026-10-01',
      days: 30,
      next_day: '2026-10-01',
      provider_charge_id: null,
    });

    await events.deliver([paid(invoice)]);
    const [collected] = await journal(agency);
    expect(collected.sourceKey).toBe(`invoice-paid:${invoice.invoiceId}`);
    expect(postingsOf(collected)).toEqual([
      ['1100', '95634'],
      ['5100', '3366'],
      ['1300', '-99000'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1100': '95634',
      '5100': '3366',
      '2200': '-9000',
      '2100': '-90000',
    });
    expect((await schedule(agency, `invoice:${invoice.invoiceId}`))?.provider_charge_id).toBe(invoice.chargeId);
  });

  it('ends with the same books and schedule whichever of finalize and paid arrives first, duplicates and reissues included', async () => {
    const [inOrder, reversed] = [await provisionedAgency(), await provisionedAgency()];
    const invoiceId = `in_${randomUUID()}`;
    const chargeId = `ch_${randomUUID()}`;
    const one = makeInvoice(inOrder.tenantId, { invoiceId, chargeId });
    const other = makeInvoice(reversed.tenantId, { invoiceId, chargeId });
    await events.deliverInOrder([finalized(one), paid(one)]);
    const paidFirst = paid(other);
    await events.deliverInOrder([paidFirst, paidFirst, finalized(other), reissued(paidFirst), finalized(other)]);

    expect(await balancesIn(reversed, 'VND')).toEqual(await balancesIn(inOrder, 'VND'));
    expect(await balancesIn(reversed, 'VND')).toEqual({
      '1100': '95634',
      '5100': '3366',
      '2200': '-9000',
      '2100': '-90000',
    });
    expect(await schedule(reversed, `invoice:${invoiceId}`)).toEqual(await schedule(inOrder, `invoice:${invoiceId}`));
    expect((await journal(reversed)).map((e) => e.sourceKey).sort()).toEqual(
      (await journal(inOrder)).map((e) => e.sourceKey).sort(),
    );
  });

  it('voids what the billing posted and leaves nothing to recognize, also when the void arrives before the billing', async () => {
    const [agency, early] = [await provisionedAgency(), await provisionedAgency()];
    const invoice = makeInvoice(agency.tenantId);
    await events.deliverInOrder([finalized(invoice), voided(invoice, '2026-10-05T03:00:00.000Z')]);
    const [reversal] = await journal(agency);
    expect(reversal).toMatchObject({ sourceKey: `invoice-voided:${invoice.invoiceId}`, postedOn: '2026-10-05' });
    expect(reversal.description).toContain('voided');
    expect(postingsOf(reversal)).toEqual([
      ['2100', '90000'],
      ['2200', '9000'],
      ['1300', '-99000'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({});
    expect(await schedule(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      status: 'voided',
      reduced: '90000',
      next_day: null,
    });

    const late = makeInvoice(early.tenantId, { invoiceId: invoice.invoiceId });
    await events.deliverInOrder([voided(late, '2026-10-05T03:00:00.000Z', 'uncollectible'), finalized(late)]);
    expect(await balancesIn(early, 'VND')).toEqual({});
    const writeOff = (await journal(early)).find((e) => e.sourceKey === `invoice-voided:${invoice.invoiceId}`);
    expect(writeOff?.description).toContain('uncollectible');
    expect(await schedule(early, `invoice:${invoice.invoiceId}`)).toMatchObject({ status: 'voided', reduced: '90000' });
  });

  it('reverses a write-off when the uncollectible invoice is paid after all, and books the payment', async () => {
    const agency = await provisionedAgency();
    const invoice = makeInvoice(agency.tenantId);
    await events.deliverInOrder([
      finalized(invoice),
      voided(invoice, '2026-11-05T03:00:00.000Z', 'uncollectible'),
      paid(invoice, '2026-11-20T03:00:00.000Z'),
    ]);
    const reinstated = (await journal(agency)).find((e) => e.sourceKey === `invoice-reinstated:${invoice.invoiceId}`)!;
    expect(reinstated.postedOn).toBe('2026-11-20');
    expect(postingsOf(reinstated)).toEqual([
      ['1300', '99000'],
      ['2200', '-9000'],
      ['2100', '-90000'],
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1100': '95634',
      '5100': '3366',
      '2200': '-9000',
      '2100': '-90000',
    });
    expect(await schedule(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      status: 'active',
      reduced: '0',
      next_day: '2026-10-01',
    });
  });

  it('takes a refund before any recognition back from VAT and deferred revenue, shrinking the schedule; the same when the refund comes first', async () => {
    const [agency, early] = [await provisionedAgency(), await provisionedAgency()];
    const invoice = makeInvoice(agency.tenantId);
    const refundId = `re_${randomUUID()}`;
    await events.deliverInOrder([
      finalized(invoice),
      paid(invoice),
      refunded(invoice, 33_000n, '2026-10-02T01:00:00.000Z', refundId),
    ]);
    const [refund] = await journal(agency);
    expect(refund).toMatchObject({ sourceKey: `refund:${refundId}`, postedOn: '2026-10-02', stream: 'subscriptions' });
    expect(postingsOf(refund)).toEqual([
      ['2100', '30000'],
      ['2200', '3000'],
      ['1100', '-33000'],
    ]);
    const expected = { '1100': String(95_634 - 33_000), '5100': '3366', '2200': '-6000', '2100': '-60000' };
    expect(await balancesIn(agency, 'VND')).toEqual(expected);
    expect(await schedule(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      total: '90000',
      reduced: '30000',
      refunded: '33000',
      status: 'active',
    });

    const same = makeInvoice(early.tenantId, { invoiceId: invoice.invoiceId, chargeId: invoice.chargeId });
    const refundFirst = refunded(same, 33_000n, '2026-10-02T01:00:00.000Z', refundId);
    await events.deliverInOrder([refundFirst, reissued(refundFirst), paid(same), finalized(same)]);
    expect(await balancesIn(early, 'VND')).toEqual(expected);
    expect(await schedule(early, `invoice:${invoice.invoiceId}`)).toEqual(
      await schedule(agency, `invoice:${invoice.invoiceId}`),
    );
  });

  it('shows the finance team a refund waiting for its payment, until the payment books both', async () => {
    const [agency, other] = [await provisionedAgency(), await provisionedAgency()];
    const invoice = makeInvoice(agency.tenantId);
    const refundId = `re_${randomUUID()}`;
    const refund = refunded(invoice, 33_000n, '2026-10-02T01:00:00.000Z', refundId);
    await events.deliverInOrder([refund]);

    const waiting = await agency.api.get<WaitingEventListResponse>('/v1/finance/waiting-events');
    expect(waiting.status).toBe(200);
    expect(waiting.body).toEqual({
      items: [
        {
          id: expect.any(String),
          eventId: refund.id,
          eventType: 'evt.subscriptions.charge.refunded.v1',
          awaits: `charge:${invoice.chargeId}`,
          occurredAt: '2026-10-02T01:00:00.000Z',
          waitingSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ],
      nextAfter: null,
    });
    expect((await other.api.get<WaitingEventListResponse>('/v1/finance/waiting-events')).body.items).toEqual([]);
    const bad = await agency.api.get<{ errors?: { field: string }[] }>(
      '/v1/finance/waiting-events?limit=0&after=yesterday',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['after', 'limit']);

    await events.deliverInOrder([paid(invoice)]);
    expect((await agency.api.get<WaitingEventListResponse>('/v1/finance/waiting-events')).body.items).toEqual([]);
    expect((await journalOf(agency)).map((e) => e.sourceKey)).toContain(`refund:${refundId}`);
  });

  it('gives back all the tax when partial refunds add up to the whole payment', async () => {
    const agency = await provisionedAgency();
    const invoice = makeInvoice(agency.tenantId, { amount: 100n, tax: 9n, fee: 0n });
    await events.deliverInOrder([
      paid(invoice),
      ...[33n, 33n, 34n].map((amount, n) => refunded(invoice, amount, `2026-10-0${n + 2}T01:00:00.000Z`)),
    ]);
    expect(await balancesIn(agency, 'VND')).toEqual({});
    expect(await schedule(agency, `invoice:${invoice.invoiceId}`)).toMatchObject({
      reduced: '91',
      refunded: '100',
      status: 'completed',
    });
  });

  it('books a dispute as a chargeback with its fee, reinstates the amount when won, and nothing more when lost', async () => {
    const agency = await provisionedAgency();
    const [won, lost] = [makeInvoice(agency.tenantId), makeInvoice(agency.tenantId)];
    await events.deliverInOrder([paid(won), paid(lost)]);
    const opened = '2026-10-10T02:00:00.000Z';
    await events.deliverInOrder([
      disputeOpened(won, 'dp_won', 99_000n, 20_000n, opened),
      disputeOpened(lost, 'dp_lost', 99_000n, 20_000n, opened),
      disputeClosed(won, 'dp_won', 99_000n, 'won', '2026-10-20T02:00:00.000Z'),
      disputeClosed(lost, 'dp_lost', 99_000n, 'lost', '2026-10-20T02:00:00.000Z'),
    ]);
    const entries = await journal(agency);
    const bySource = Object.fromEntries(entries.map((e) => [e.sourceKey, postingsOf(e)]));
    expect(bySource['dispute-opened:dp_won']).toEqual([
      ['5200', '99000'],
      ['5100', '20000'],
      ['1100', '-119000'],
    ]);
    expect(bySource['dispute-won:dp_won']).toEqual([
      ['1100', '99000'],
      ['5200', '-99000'],
    ]);
    expect(Object.keys(bySource).filter((key) => key.startsWith('dispute'))).toHaveLength(3);
    expect(await balancesIn(agency, 'VND')).toMatchObject({
      '1100': String(2 * 95_634 - 119_000 * 2 + 99_000),
      '5200': '99000',
      '5100': String(2 * 3366 + 40_000),
    });
  });

  describe('gifts', () => {
    let agency: TestAgency;
    beforeAll(async () => {
      agency = await provisionedAgency();
    });

    it('books a purchase as deferred revenue awaiting its service period, and starts ratable recognition at redemption', async () => {
      const gift = makeGift(agency.tenantId);
      await events.deliverInOrder([giftPurchased(gift, '2026-09-01T03:00:00.000Z')]);
      const [purchase] = await journal(agency, `&productId=${gift.productId}`);
      expect(purchase).toMatchObject({
        sourceKey: `gift-purchased:${gift.giftId}`,
        postedOn: '2026-09-01',
        stream: 'subscriptions',
        productId: gift.productId,
      });
      expect(postingsOf(purchase)).toEqual([
        ['1100', '320100'],
        ['5100', '9900'],
        ['2200', '-30000'],
        ['2100', '-300000'],
      ]);
      expect(await schedule(agency, `gift:${gift.giftId}`)).toMatchObject({
        status: 'awaiting-service',
        total: '300000',
        first_day: null,
        product_id: gift.productId,
      });

      await events.deliverInOrder([giftRedeemed(gift, '2026-09-09T17:00:00.000Z', '2026-12-09T17:00:00.000Z')]);
      expect(await schedule(agency, `gift:${gift.giftId}`)).toMatchObject({
        status: 'active',
        first_day: '2026-09-10',
        days: 91,
        next_day: '2026-09-10',
      });
    });

    it('recognizes an unredeemed gift in full as breakage on its expiry day, also when the expiry arrives before the purchase', async () => {
      const gift = makeGift(agency.tenantId);
      const early = makeGift(agency.tenantId);
      await events.deliverInOrder([
        giftPurchased(gift, '2026-01-05T03:00:00.000Z'),
        giftExpired(gift, '2026-07-04T18:00:00.000Z'),
      ]);
      await events.deliverInOrder([
        giftExpired(early, '2026-07-04T18:00:00.000Z'),
        giftPurchased(early, '2026-01-05T03:00:00.000Z'),
      ]);
      for (const one of [gift, early]) {
        const entries = await journal(agency, `&productId=${one.productId}`);
        const breakage = entries.find((e) => e.sourceKey === `gift-breakage:${one.giftId}`)!;
        expect(breakage).toMatchObject({ postedOn: '2026-07-05', productId: one.productId });
        expect(postingsOf(breakage)).toEqual([
          ['2100', '300000'],
          ['4100', '-300000'],
        ]);
        expect(await schedule(agency, `gift:${one.giftId}`)).toMatchObject({
          status: 'expired',
          recognized: '300000',
          next_day: null,
        });
      }
    });

    it('leaves a gift the agency recorded as paid elsewhere out of the books', async () => {
      const gift = makeGift(agency.tenantId, { checkoutId: null });
      const before = await journal(agency);
      await events.deliverInOrder([
        giftRedeemed(gift, '2026-09-09T17:00:00.000Z', '2026-12-09T17:00:00.000Z'),
        giftExpired(gift, '2026-07-04T18:00:00.000Z'),
      ]);
      expect(await journal(agency)).toEqual(before);
      expect(await schedule(agency, `gift:${gift.giftId}`)).toBeUndefined();
      const { rows } = await db.query(`SELECT 1 FROM finance.waiting_events WHERE tenant_id = $1 AND awaited = $2`, [
        agency.tenantId,
        `gift:${gift.giftId}`,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('filters the journal by stream and product', async () => {
      const all = await journal(agency);
      const gifts = await journal(agency, '&stream=subscriptions');
      expect(gifts.map((e) => e.id)).toEqual(all.filter((e) => e.stream === 'subscriptions').map((e) => e.id));
      expect(await journal(agency, '&stream=advertising')).toEqual([]);
      const bad = await agency.api.get<{ status: number }>('/v1/finance/journal-entries?stream=lottery');
      expect(bad.status).toBe(400);
    });
  });
});
