import { Client } from 'pg';
import type {
  AdInvoiceView,
  AdvertiserView,
  BookingCanceledEvent,
  BookingPaidEvent,
  EventEnvelope,
  JournalEntryView,
  OrderView,
  PaymentAttemptView,
  PaymentSucceededEvent,
  PaymentView,
} from '@libs/contracts';
import { BookingCanceled, BookingPaid, PaymentRefunded, PaymentSucceeded } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { InvoiceRequestsSchedule } from '../apps/advertising/src/invoices/invoice-requests.schedule';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import {
  advertiserWithKey,
  bookableUnit,
  cpmLine,
  dayFromToday,
  placeOrder,
  RATE_CARD,
  siteFollowed,
} from './support/ad-booking-fixtures';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, journalOf, reissued } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { configureRailAccount } from './support/rail-accounts';
import { bankCsv } from './support/reconciliation-files';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const CSV = { 'content-type': 'text/csv' };

describe('advertisers pay for their orders', () => {
  let suite: TestSuite;
  let api: Api;
  let momo: FakeMomo;
  let probe: JetStreamProbe;
  let db: Client;

  beforeAll(async () => {
    momo = await startFakeMomo();
    suite = await TestSuite.start(['gateway', 'advertising', 'payments', 'finance'], {
      PAYMENT_RAIL_URLS: `momo=${momo.url}`,
    });
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
    await momo?.close();
  });

  const sweepOrders = () => suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
  const askPaymentsAgain = () => suite.instances('advertising')[0].get(InvoiceRequestsSchedule).askAgain();

  async function invoiceOf(client: Api, id: string): Promise<AdInvoiceView> {
    const answer = await client.get<AdInvoiceView>(`/v1/advertising/invoices/${id}`);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  async function orderOf(agency: TestAgency, id: string): Promise<OrderView> {
    return (await agency.api.get<OrderView>(`/v1/advertising/orders/${id}`)).body;
  }

  /** An order booked, submitted and approved by ad ops. */
  async function approvedOrder(agency: TestAgency, client: Api, lines: unknown[]): Promise<OrderView> {
    const order = await placeOrder(client, { lines });
    expect(order.status).toBe(201);
    expect((await client.post(`/v1/advertising/orders/${order.body.id}/submit`, {})).status).toBe(200);
    const approved = await agency.api.post<OrderView>(`/v1/advertising/orders/${order.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    return approved.body;
  }

  /** The advertiser opens the invoice's pay link, picks MoMo and pays. */
  async function payOnMomo(invoice: AdInvoiceView): Promise<void> {
    const link = new URL(invoice.payPageUrl!);
    const attempt = await api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    expect((await momo.pay(attempt.body)).map((answer) => answer.status)).toEqual([204]);
  }

  const eventsOf = async <T>(subject: string, tenantId: string) =>
    (await probe.published<T>(subject)).filter((event) => event.tenantId === tenantId);

  const entriesOf = async (agency: TestAgency, prefix: string): Promise<JournalEntryView[]> =>
    (await journalOf(agency)).filter((entry) => entry.sourceKey.startsWith(prefix));

  const postingsOf = (entry: JournalEntryView) =>
    entry.postings.map((p) => [p.accountCode, p.amount]).sort(([a], [b]) => String(a).localeCompare(String(b)));

  describe('payment terms', () => {
    let agency: TestAgency;
    let advertiser: AdvertiserView;
    let client: Api;

    beforeAll(async () => {
      agency = await createFinanceAgency(api, suite.operatorToken);
      ({ advertiser, client } = await advertiserWithKey(agency, api, 'Ngân hàng Mới'));
    });

    it('starts a new advertiser on prepay, and ad ops grant invoice terms (net 30 unless said)', async () => {
      expect(advertiser).toMatchObject({ paymentTerms: 'prepay', netDays: null });
      const path = `/v1/advertising/advertisers/${advertiser.id}/payment-terms`;
      const granted = await agency.api.put<AdvertiserView>(path, { paymentTerms: 'invoice' });
      expect(granted.body).toMatchObject({ paymentTerms: 'invoice', netDays: 30 });
      const longer = await agency.api.put<AdvertiserView>(path, { paymentTerms: 'invoice', netDays: 45 });
      expect(longer.body).toMatchObject({ paymentTerms: 'invoice', netDays: 45 });
      const created = await agency.api.post<AdvertiserView>('/v1/advertising/advertisers', {
        name: 'Hãng xe',
        category: 'automotive',
        paymentTerms: 'invoice',
        netDays: 15,
      });
      expect(created.body).toMatchObject({ paymentTerms: 'invoice', netDays: 15 });
    });

    it.each([
      ['net days with prepay', { paymentTerms: 'prepay', netDays: 10 }, 'netDays'],
      ['no net days', { paymentTerms: 'invoice', netDays: 0 }, 'netDays'],
      ['more net days than 120', { paymentTerms: 'invoice', netDays: 121 }, 'netDays'],
      ['terms of no kind', { paymentTerms: 'barter' }, 'paymentTerms'],
      ['no terms', {}, 'paymentTerms'],
    ])('refuses %s with 400 naming the field, and changes nothing', async (_what, body, field) => {
      const path = `/v1/advertising/advertisers/${advertiser.id}/payment-terms`;
      const before = (await agency.api.get<AdvertiserView>(`/v1/advertising/advertisers/${advertiser.id}`)).body;
      const refused = await agency.api.put<Problem>(path, body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toEqual([field]);
      expect((await agency.api.get(`/v1/advertising/advertisers/${advertiser.id}`)).body).toEqual(before);
    });

    it('refuses net days with prepay on a new advertiser too, creating none', async () => {
      const before = (await agency.api.get<{ items: unknown[] }>('/v1/advertising/advertisers')).body.items.length;
      const refused = await agency.api.post<Problem>('/v1/advertising/advertisers', {
        name: 'Sai',
        category: 'banking',
        netDays: 10,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toEqual(['netDays']);
      expect((await agency.api.get<{ items: unknown[] }>('/v1/advertising/advertisers')).body.items).toHaveLength(
        before,
      );
    });

    it('leaves terms to ad ops', async () => {
      const path = `/v1/advertising/advertisers/${advertiser.id}/payment-terms`;
      expect((await client.put(path, { paymentTerms: 'prepay' })).status).toBe(403);
    });
  });

  describe('prepay on a rail', () => {
    let agency: TestAgency;
    let advertiser: AdvertiserView;
    let client: Api;
    let unitId: string;

    beforeAll(async () => {
      agency = await createFinanceAgency(api, suite.operatorToken);
      await configureRailAccount(agency, momo);
      unitId = (await bookableUnit(agency, await siteFollowed(agency, `${agency.slug}-prepay`), 'prepay-unit')).id;
      ({ advertiser, client } = await advertiserWithKey(agency, api, 'Ngân hàng Trả trước', {
        taxCode: '0101234567',
      }));
    });

    it('invoices at approval with a pay link, serves nothing unpaid, and goes live once paid, telling finance per booking once', async () => {
      const order = await approvedOrder(agency, client, [cpmLine(unitId, 1000, dayFromToday(0))]);
      expect(order).toMatchObject({ status: 'approved', paymentTerms: 'prepay', paidAt: null });
      expect(order.invoiceId).toEqual(expect.any(String));
      expect(order.payBy).toEqual(expect.any(String));
      const invoice = await invoiceOf(client, order.invoiceId!);
      expect(invoice).toMatchObject({
        orderId: order.id,
        advertiserId: advertiser.id,
        status: 'open',
        paymentTerms: 'prepay',
        taxable: '50000',
        vat: '5000',
        total: '55000',
        balance: '55000',
        transferReference: expect.stringMatching(/^RS[0-9A-Z]{10}$/),
        payPageUrl: expect.stringContaining('/pay/'),
      });
      // the payments service was asked for the invoice's money, its lines and VAT, the advertiser as buyer
      const payments = await agency.api.get<{ items: PaymentView[] }>('/v1/payments/payments?stream=advertising');
      const payment = payments.body.items.find((each) => each.purpose.reference === invoice.id);
      expect(payment).toMatchObject({
        amount: '55000',
        buyer: { name: 'Ngân hàng Trả trước', taxCode: '0101234567' },
        lines: [{ quantity: 1, amount: '50000', vatRateBasisPoints: 1000, vatAmount: '5000' }],
      });
      // the flight began today, but an unpaid prepaid order does not start
      await sweepOrders();
      expect((await orderOf(agency, order.id)).status).toBe('approved');

      await payOnMomo(invoice);
      await eventually(async () => {
        expect(await orderOf(agency, order.id)).toMatchObject({ status: 'live', paidAt: expect.any(String) });
      });
      const paid = await invoiceOf(client, invoice.id);
      expect(paid).toMatchObject({ status: 'paid', paid: '55000', balance: '0' });
      expect(paid.payments).toEqual([expect.objectContaining({ channel: 'rail', rail: 'momo', amount: '55000' })]);
      // told through the outbox, so shortly after the invoice says so
      await eventually(async () =>
        expect((await eventsOf<BookingPaidEvent>(BookingPaid.subject, agency.tenantId)).map((e) => e.data)).toEqual([
          expect.objectContaining({ bookingId: order.lines[0].id, amount: '55000', paidTo: 'rail' }),
        ]),
      );

      // the same payment told again (another event id) is not a second payment
      const [succeeded] = (await eventsOf<PaymentSucceededEvent>(PaymentSucceeded.subject, agency.tenantId)).filter(
        (event) => event.data.purpose.reference === invoice.id,
      );
      const again = reissued(succeeded as EventEnvelope<unknown>);
      await probe.publish(again);
      await eventually(async () => {
        const { rows } = await db.query(`SELECT 1 FROM advertising.inbox WHERE event_id = $1`, [again.id]);
        expect(rows).toHaveLength(1);
      });
      expect((await invoiceOf(client, invoice.id)).payments).toHaveLength(1);
      expect(await eventsOf(BookingPaid.subject, agency.tenantId)).toHaveLength(1);

      // finance booked the cash once, from the rail's payment; the rail's BookingPaid moves nothing more
      await eventually(async () => {
        expect((await entriesOf(agency, 'payment-succeeded:')).map(postingsOf)).toEqual([
          [
            ['1110', '55000'],
            ['1300', '-55000'],
          ],
        ]);
        expect(await entriesOf(agency, 'booking-invoiced:')).toHaveLength(1);
      });
      expect(await entriesOf(agency, 'booking-paid:')).toEqual([]);
    });

    it('cancels a paid order with the rate card penalty by notice, refunds the rest on MoMo once, and the books balance', async () => {
      const from = dayFromToday(2);
      const order = await approvedOrder(agency, client, [
        cpmLine(unitId, 1000, from, dayFromToday(3)),
        cpmLine(unitId, 3000, from, dayFromToday(3)),
      ]);
      const invoice = await invoiceOf(client, order.invoiceId!);
      expect(invoice.total).toBe('440000');
      await payOnMomo(invoice);
      await eventually(async () => expect((await invoiceOf(client, invoice.id)).status).toBe('paid'));
      // the payment split over the two bookings exactly: what each owed
      await eventually(async () => {
        const shares = (await eventsOf<BookingPaidEvent>(BookingPaid.subject, agency.tenantId))
          .filter((event) => order.lines.some((line) => line.id === event.data.bookingId))
          .map((event) => [event.data.bookingId, event.data.amount]);
        expect(shares).toEqual([
          [order.lines[0].id, '110000'],
          [order.lines[1].id, '330000'],
        ]);
      });

      const refundsBefore = momo.calls('refund');
      const headers = { 'idempotency-key': `cancel-${order.id}` };
      const cancel = () =>
        agency.api.post<OrderView>(
          `/v1/advertising/orders/${order.id}/cancel`,
          { reason: 'Khách đổi kế hoạch' },
          headers,
        );
      const [canceled, again] = [await cancel(), await cancel()];
      expect([canceled.status, again.status]).toEqual([200, 200]);
      // 24 to 48 hours before the flight: the card's 70 % band on what was not delivered (nothing was)
      expect(canceled.body).toMatchObject({
        status: 'canceled',
        cancellationPenalty: '280000',
        cancellation: { penalty: '280000', delivered: '0', credited: '132000' },
      });
      expect(canceled.body.cancellation!.noticeHours).toBeGreaterThanOrEqual(24);
      expect(canceled.body.cancellation!.noticeHours).toBeLessThan(48);
      // both lines' impressions, on the same unit and days, are back on sale
      const { rows: days } = await db.query(
        `SELECT sold, held FROM advertising.inventory_days WHERE ad_unit_id = $1 AND day >= $2 ORDER BY day`,
        [unitId, from],
      );
      expect(days).toEqual([
        { sold: 0, held: 0 },
        { sold: 0, held: 0 },
      ]);
      await eventually(async () =>
        expect(await invoiceOf(client, invoice.id)).toMatchObject({
          status: 'paid',
          credited: '132000',
          refunded: '132000',
          balance: '0',
          refunds: [expect.objectContaining({ amount: '132000', status: 'refunded' })],
        }),
      );
      expect(momo.calls('refund')).toBe(refundsBefore + 1);
      await eventually(async () =>
        expect(
          (await eventsOf<BookingCanceledEvent>(BookingCanceled.subject, agency.tenantId)).map((e) => e.data),
        ).toEqual([
          expect.objectContaining({
            bookingId: order.lines[0].id,
            credited: '33000',
            creditedTax: '3000',
            penalty: '70000',
          }),
          expect.objectContaining({
            bookingId: order.lines[1].id,
            credited: '99000',
            creditedTax: '9000',
            penalty: '210000',
          }),
        ]),
      );

      // an answer lost after payments refunded: asked again under the same key, nothing more goes back
      await db.query(`UPDATE advertising.invoice_refunds SET status = 'due' WHERE invoice_id = $1`, [invoice.id]);
      await askPaymentsAgain();
      expect(momo.calls('refund')).toBe(refundsBefore + 1);
      expect(
        (await eventsOf(PaymentRefunded.subject, agency.tenantId)).filter(
          (e) => (e.data as { purpose: { reference: string } }).purpose.reference === invoice.id,
        ),
      ).toHaveLength(1);

      // both orders together: the live one's cash, VAT and deferred revenue; the canceled one's penalty earned
      await eventually(async () =>
        expect(await balancesIn(agency, 'VND')).toEqual({
          '1110': '363000',
          '2100': '-50000',
          '2200': '-33000',
          '4200': '-280000',
        }),
      );
    });

    it('cancels a prepaid order the clock finds unpaid at its pay-by: no penalty, all credited, inventory back on sale', async () => {
      const order = await approvedOrder(agency, client, [cpmLine(unitId, 2000, dayFromToday(5))]);
      await db.query(`UPDATE advertising.orders SET pay_by = now() - interval '1 second' WHERE id = $1`, [order.id]);
      await sweepOrders();
      const lapsed = await orderOf(agency, order.id);
      expect(lapsed).toMatchObject({
        status: 'canceled',
        cancellation: { penalty: '0', delivered: '0', credited: '110000' },
      });
      expect(lapsed.history.at(-1)).toMatchObject({ actor: 'advertising', reason: 'not paid by its pay-by time' });
      expect(await invoiceOf(client, order.invoiceId!)).toMatchObject({ status: 'void', balance: '0' });
      const { rows } = await db.query(
        `SELECT sold FROM advertising.inventory_days WHERE ad_unit_id = $1 AND day = $2`,
        [unitId, dayFromToday(5)],
      );
      expect(rows).toEqual([{ sold: 0 }]);
      await eventually(async () => {
        const [entry] = await entriesOf(agency, `booking-canceled:${order.lines[0].id}`);
        expect(postingsOf(entry)).toEqual([
          ['1300', '-110000'],
          ['2100', '100000'],
          ['2200', '10000'],
        ]);
      });
    });
  });

  describe('invoice terms and bank transfers', () => {
    let agency: TestAgency;
    let client: Api;
    let unitId: string;

    beforeAll(async () => {
      agency = await createFinanceAgency(api, suite.operatorToken);
      const siteId = await siteFollowed(agency, `${agency.slug}-terms`);
      unitId = (await bookableUnit(agency, siteId, 'terms-unit')).id;
      // this card has no penalty: a cancellation keeps only what was delivered
      await agency.api.put(`/v1/advertising/ad-units/${unitId}/rate-card`, { ...RATE_CARD, cancellationPenalties: [] });
      const { advertiser, client: own } = await advertiserWithKey(agency, api, 'Hãng hàng không');
      client = own;
      await agency.api.put(`/v1/advertising/advertisers/${advertiser.id}/payment-terms`, { paymentTerms: 'invoice' });
    });

    it('serves on terms, takes partial transfers naming the reference, and keeps only what was delivered when canceled live', async () => {
      const order = await approvedOrder(agency, client, [cpmLine(unitId, 1000, dayFromToday(0), dayFromToday(1))]);
      expect(order).toMatchObject({ paymentTerms: 'invoice', netDays: 30, payBy: null });
      const invoice = await invoiceOf(client, order.invoiceId!);
      expect(invoice).toMatchObject({
        status: 'open',
        total: '110000',
        dueOn: dayFromToday(30),
        payPageUrl: null,
      });
      await sweepOrders();
      expect((await orderOf(agency, order.id)).status).toBe('live');

      const reference = invoice.transferReference;
      const statement = bankCsv([
        {
          date: dayFromToday(0),
          amount: '60000',
          currency: 'VND',
          reference: 'VCB-1',
          description: `CK ${reference.toLowerCase()} dot 1`,
        },
        { date: dayFromToday(0), amount: '50000', currency: 'VND', reference: 'VCB-2', description: reference },
        {
          date: dayFromToday(0),
          amount: '70000',
          currency: 'VND',
          reference: 'VCB-3',
          description: 'RS0000000000 nobody',
        },
        { date: dayFromToday(0), amount: '-20000', currency: 'VND', reference: 'VCB-4', description: reference },
      ]);
      for (const _time of [1, 2]) {
        const imported = await agency.api.post('/v1/finance/reconciliation/imports/bank-csv', statement, CSV);
        expect(imported.status).toBe(201);
      }
      await eventually(async () =>
        expect(await invoiceOf(client, invoice.id)).toMatchObject({ status: 'paid', paid: '110000', balance: '0' }),
      );
      expect((await invoiceOf(client, invoice.id)).payments.map((p) => [p.channel, p.amount])).toEqual([
        ['bank', '60000'],
        ['bank', '50000'],
      ]);
      await eventually(async () =>
        expect((await entriesOf(agency, 'booking-paid:')).map(postingsOf).sort()).toEqual([
          [
            ['1200', '50000'],
            ['1300', '-50000'],
          ],
          [
            ['1200', '60000'],
            ['1300', '-60000'],
          ],
        ]),
      );

      // a quarter of the flight's impressions delivered, then ad ops cancel it live
      await db.query(
        `INSERT INTO advertising.delivery_hours (line_id, ad_unit_id, article_id, day, hour, tenant_id, order_id, impressions)
         VALUES ($1, $2, 'bai-1', $3, 9, $4, $5, 300), ($1, $2, 'bai-2', $3, 10, $4, $5, 200)`,
        [order.lines[0].id, unitId, dayFromToday(0), agency.tenantId, order.id],
      );
      const canceled = await agency.api.post<OrderView>(`/v1/advertising/orders/${order.id}/cancel`, {
        reason: 'Chiến dịch dừng',
      });
      expect(canceled.body).toMatchObject({
        status: 'canceled',
        cancellation: { penalty: '0', delivered: '25000', credited: '82500' },
      });
      // paid by transfer, owed back by transfer: no rail to refund it on
      expect(await invoiceOf(client, invoice.id)).toMatchObject({
        status: 'refund-due',
        credited: '82500',
        balance: '-82500',
        refunds: [],
      });
      await eventually(async () =>
        expect(await balancesIn(agency, 'VND')).toEqual({
          '1200': '110000',
          '1300': '-82500',
          '2100': '-25000',
          '2200': '-2500',
        }),
      );
    });
  });

  describe('advertisers see only their own invoices', () => {
    let agency: TestAgency;
    let a: Awaited<ReturnType<typeof advertiserWithKey>>;
    let b: Awaited<ReturnType<typeof advertiserWithKey>>;
    let ofA: string;
    let ofB: string;

    beforeAll(async () => {
      agency = await createFinanceAgency(api, suite.operatorToken);
      const unitId = (await bookableUnit(agency, await siteFollowed(agency, `${agency.slug}-own`), 'own-unit')).id;
      a = await advertiserWithKey(agency, api, 'Advertiser A');
      b = await advertiserWithKey(agency, api, 'Advertiser B');
      ofA = (await approvedOrder(agency, a.client, [cpmLine(unitId, 1000)])).invoiceId!;
      ofB = (await approvedOrder(agency, b.client, [cpmLine(unitId, 1000)])).invoiceId!;
    });

    it("answers advertiser A's read of B's invoice with 404, as an unknown one", async () => {
      expect((await a.client.get(`/v1/advertising/invoices/${ofB}`)).status).toBe(404);
      expect((await a.client.get(`/v1/advertising/invoices/${ofA}`)).status).toBe(200);
    });

    it("lists A's own invoices only, whatever advertiser it names; staff and finance see all", async () => {
      const listed = await a.client.get<{ items: AdInvoiceView[] }>(
        `/v1/advertising/invoices?advertiserId=${b.advertiser.id}`,
      );
      expect(listed.body.items.map((invoice) => invoice.id)).toEqual([ofA]);
      const staff = await agency.api.get<{ items: AdInvoiceView[] }>('/v1/advertising/invoices?status=open');
      expect(staff.body.items.map((invoice) => invoice.id).sort()).toEqual([ofA, ofB].sort());
      const finance = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: 'books', roles: ['finance'] });
      const books = api.as({ bearer: finance.body.secret });
      expect((await books.get<{ items: unknown[] }>('/v1/advertising/invoices')).body.items).toHaveLength(2);
      expect((await books.get('/v1/advertising/orders')).status).toBe(403);
    });

    it.each([
      ['a status of no kind', '?status=settled', 'status'],
      ['an advertiser that is no id', '?advertiserId=abc', 'advertiserId'],
    ])('refuses %s with 400 naming the field', async (_what, query, field) => {
      const refused = await agency.api.get<Problem>(`/v1/advertising/invoices${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toEqual([field]);
    });
  });
});
