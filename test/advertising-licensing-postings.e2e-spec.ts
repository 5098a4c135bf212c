import { randomUUID } from 'node:crypto';
import {
  AccountListResponse,
  JournalEntryView,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
} from '@libs/contracts';
import { RecognitionRunService } from '../apps/finance/src/recognition/recognition-run.service';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, FinanceEventDelivery, journalOf, reissued } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import {
  agreementActivated,
  bookingCanceled,
  bookingInvoiced,
  bookingPaid,
  deliveryRecorded,
  makeAgreement,
  makeBooking,
  makeGoodCredited,
  statementIssued,
  TestBooking,
  usageCharged,
} from './support/partner-money-events';
import { TestSuite } from './support/test-suite';

describe('advertising and licensing money in the books', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let events: FinanceEventDelivery;

  const provisionedAgency = () => createFinanceAgency(api, suite.operatorToken);

  const journal = journalOf;

  async function entryOf(agency: TestAgency, sourceKey: string): Promise<JournalEntryView> {
    const found = (await journal(agency)).find((e) => e.sourceKey === sourceKey);
    if (!found) throw new Error(`no entry ${sourceKey}`);
    return found;
  }

  const postingsOf = (entry: JournalEntryView) => entry.postings.map((p) => [p.accountCode, p.amount]);

  async function scheduleOf(agency: TestAgency, source: string): Promise<RecognitionScheduleView> {
    const page = await agency.api.get<RecognitionScheduleListResponse>('/v1/finance/recognition-schedules?limit=100');
    const found = page.body.items.find((s) => s.source === source);
    if (!found) throw new Error(`no schedule ${source}`);
    return found;
  }

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

  describe('an advertising booking', () => {
    let agency: TestAgency;
    let booking: TestBooking;
    const finalBooks = {
      '1200': '5000000',
      '1100': '6000000',
      '1300': '-1800000',
      '2200': '-1000000',
      '4200': '-8500000',
      '4900': '300000',
    };

    beforeAll(async () => {
      agency = await provisionedAgency();
      booking = makeBooking(agency.tenantId);
    });

    it('is invoiced to receivable, VAT and deferred advertising revenue, with the site and advertiser on the entry', async () => {
      await events.deliverInOrder([bookingInvoiced(booking)]);
      const invoiced = await entryOf(agency, `booking-invoiced:${booking.bookingId}`);
      expect(invoiced).toMatchObject({
        postedOn: '2026-09-28',
        stream: 'advertising',
        siteId: booking.siteId,
        counterpartyId: booking.advertiserId,
        productId: booking.adUnitId,
      });
      expect(postingsOf(invoiced)).toEqual([
        ['1300', '11000000'],
        ['2200', '-1000000'],
        ['2100', '-10000000'],
      ]);
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        method: 'delivery',
        status: 'active',
        total: '10000000',
        remaining: '10000000',
        firstDay: '2026-10-01',
        days: 10,
        siteId: booking.siteId,
        counterpartyId: booking.advertiserId,
      });
    });

    it('is paid to the bank or to Stripe against the receivable', async () => {
      await events.deliverInOrder([
        bookingPaid(booking, 5_000_000n, 'bank', '2026-10-02T03:00:00.000Z'),
        bookingPaid(booking, 6_000_000n, 'stripe', '2026-10-03T03:00:00.000Z'),
      ]);
      const entries = (await journal(agency)).filter((e) => e.sourceKey.startsWith('booking-paid:'));
      expect(entries.map(postingsOf).sort()).toEqual([
        [
          ['1100', '6000000'],
          ['1300', '-6000000'],
        ],
        [
          ['1200', '5000000'],
          ['1300', '-5000000'],
        ],
      ]);
      expect(entries.every((e) => e.stream === 'advertising' && e.counterpartyId === booking.advertiserId)).toBe(true);
    });

    it('recognizes each delivered day once, never beyond what is left, and make-goods come off what is left first', async () => {
      const dayOne = deliveryRecorded(booking, '2026-10-01', 4_000_000n);
      await events.deliverInOrder([
        dayOne,
        deliveryRecorded(booking, '2026-10-02', 4_000_000n),
        reissued(dayOne),
        deliveryRecorded(booking, '2026-10-01', 999n),
      ]);
      const delivered = await entryOf(agency, `delivery:${booking.bookingId}:2026-10-01`);
      expect(delivered).toMatchObject({
        postedOn: '2026-10-01',
        stream: 'advertising',
        counterpartyId: booking.advertiserId,
      });
      expect(postingsOf(delivered)).toEqual([
        ['2100', '4000000'],
        ['4200', '-4000000'],
      ]);
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        recognized: '8000000',
        remaining: '2000000',
      });

      const firstCredit = randomUUID();
      await events.deliverInOrder([makeGoodCredited(booking, 1_500_000n, '2026-10-03T05:00:00.000Z', firstCredit)]);
      const credit = await entryOf(agency, `make-good:${firstCredit}`);
      expect(postingsOf(credit)).toEqual([
        ['2100', '1500000'],
        ['1300', '-1500000'],
      ]);
      expect(credit.description).toContain('under-delivery');
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        remaining: '500000',
        reduced: '1500000',
      });

      await events.deliverInOrder([deliveryRecorded(booking, '2026-10-03', 2_000_000n)]);
      expect(postingsOf(await entryOf(agency, `delivery:${booking.bookingId}:2026-10-03`))).toEqual([
        ['2100', '500000'],
        ['4200', '-500000'],
      ]);
      const secondCredit = randomUUID();
      await events.deliverInOrder([
        makeGoodCredited(booking, 300_000n, '2026-10-04T05:00:00.000Z', secondCredit),
        deliveryRecorded(booking, '2026-10-04', 1_000_000n),
      ]);
      expect(postingsOf(await entryOf(agency, `make-good:${secondCredit}`))).toEqual([
        ['4900', '300000'],
        ['1300', '-300000'],
      ]);
      expect((await journal(agency)).some((e) => e.sourceKey === `delivery:${booking.bookingId}:2026-10-04`)).toBe(
        false,
      );
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        status: 'completed',
        recognized: '8500000',
        remaining: '0',
      });
      expect(await balancesIn(agency, 'VND')).toEqual(finalBooks);
    });

    it('ends with the same books when deliveries and make-goods arrive before the invoice', async () => {
      const early = await provisionedAgency();
      const same = { ...booking, tenantId: early.tenantId };
      await events.deliverInOrder([
        deliveryRecorded(same, '2026-10-02', 4_000_000n),
        makeGoodCredited(same, 1_500_000n, '2026-10-03T05:00:00.000Z'),
        deliveryRecorded(same, '2026-10-01', 4_000_000n),
        bookingPaid(same, 6_000_000n, 'stripe', '2026-10-03T03:00:00.000Z'),
        deliveryRecorded(same, '2026-10-03', 2_000_000n),
        makeGoodCredited(same, 300_000n, '2026-10-04T05:00:00.000Z'),
        bookingInvoiced(same),
        bookingPaid(same, 5_000_000n, 'bank', '2026-10-02T03:00:00.000Z'),
        deliveryRecorded(same, '2026-10-04', 1_000_000n),
      ]);
      expect(await balancesIn(early, 'VND')).toEqual(finalBooks);
    });

    it.each([
      ["a takeover's line", { pricingModel: 'sponsorship', roadblockId: randomUUID() }],
      [
        'a sponsored article (bài PR)',
        {
          pricingModel: 'sponsorship',
          sponsoredArticle: { articleUrl: 'https://bao.example.vn/kinh-te/bai-pr', articleId: 'pr-1' },
        },
      ],
    ])('books %s as any sponsorship: receivable, VAT, deferred revenue over its flight', async (_what, product) => {
      const other = makeBooking(agency.tenantId);
      await events.deliverInOrder([bookingInvoiced(other, 11_000_000n, 1_000_000n, product)]);
      const invoiced = await entryOf(agency, `booking-invoiced:${other.bookingId}`);
      expect(invoiced.description).toContain('sponsorship');
      expect(postingsOf(invoiced)).toEqual([
        ['1300', '11000000'],
        ['2200', '-1000000'],
        ['2100', '-10000000'],
      ]);
      expect(await scheduleOf(agency, `booking:${other.bookingId}`)).toMatchObject({
        method: 'delivery',
        total: '10000000',
        firstDay: '2026-10-01',
        days: 10,
      });
    });

    it('filters the journal by site and by advertiser', async () => {
      const bySite = await journal(agency, `&siteId=${booking.siteId}`);
      expect(bySite.length).toBeGreaterThan(0);
      expect(bySite.every((e) => e.siteId === booking.siteId)).toBe(true);
      // Every fact of the booking, its payments included, carries the site, ad unit and advertiser of its invoice.
      const byAdvertiser = await journal(agency, `&counterpartyId=${booking.advertiserId}`);
      expect(byAdvertiser.map((e) => e.id)).toEqual(bySite.map((e) => e.id));
      expect(
        byAdvertiser.some((e) => e.sourceKey.startsWith('booking-paid:') && e.productId === booking.adUnitId),
      ).toBe(true);
      expect(await journal(agency, `&counterpartyId=${randomUUID()}`)).toEqual([]);
    });
  });

  describe('a canceled booking', () => {
    /** Canceled on 3 October: 4,000,000 delivered, 50 % of the other 6,000,000 kept, VAT on both at 10 %. */
    const SETTLED = { credited: 3_300_000n, creditedTax: 300_000n, penalty: 3_000_000n, delivered: 4_000_000n };
    const CANCELED_AT = '2026-10-03T05:00:00.000Z';

    it('credits what was taken off (VAT, deferred revenue, receivable), earns the penalty, and leaves what was delivered to its deliveries', async () => {
      const agency = await provisionedAgency();
      const booking = makeBooking(agency.tenantId);
      const canceled = bookingCanceled(booking, SETTLED, CANCELED_AT);
      await events.deliverInOrder([
        bookingInvoiced(booking),
        bookingPaid(booking, 11_000_000n, 'bank', '2026-09-29T03:00:00.000Z'),
        deliveryRecorded(booking, '2026-10-01', 2_000_000n),
        canceled,
        reissued(canceled),
      ]);
      const entries = (await journal(agency)).filter((e) => e.sourceKey === `booking-canceled:${booking.bookingId}`);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ postedOn: '2026-10-03', stream: 'advertising', siteId: booking.siteId });
      expect(postingsOf(entries[0])).toEqual([
        ['2100', '6000000'],
        ['2200', '300000'],
        ['4200', '-3000000'],
        ['1300', '-3300000'],
      ]);
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        status: 'active',
        recognized: '5000000',
        reduced: '3000000',
        remaining: '2000000',
      });
      // the rest of what was delivered is recognized as its deliveries arrive, and nothing beyond
      await events.deliverInOrder([
        deliveryRecorded(booking, '2026-10-02', 2_000_000n),
        deliveryRecorded(booking, '2026-10-03', 1_000_000n),
      ]);
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        status: 'completed',
        remaining: '0',
      });
      // the advertiser paid 3,300,000 more than it now owes: the receivable says so
      expect(await balancesIn(agency, 'VND')).toEqual({
        '1200': '11000000',
        '1300': '-3300000',
        '2200': '-700000',
        '4200': '-7000000',
      });
    });

    it('waits with a cancellation told before its invoice, and books it when the invoice comes', async () => {
      const agency = await provisionedAgency();
      const booking = makeBooking(agency.tenantId);
      await events.deliverInOrder([bookingCanceled(booking, SETTLED, CANCELED_AT)]);
      expect((await journal(agency)).some((e) => e.sourceKey.startsWith('booking-canceled:'))).toBe(false);
      await events.deliverInOrder([bookingInvoiced(booking)]);
      expect(postingsOf(await entryOf(agency, `booking-canceled:${booking.bookingId}`))).toEqual([
        ['2100', '6000000'],
        ['2200', '300000'],
        ['4200', '-3000000'],
        ['1300', '-3300000'],
      ]);
    });

    it('credits all of a booking canceled unpaid with nothing kept: the invoice undone', async () => {
      const agency = await provisionedAgency();
      const booking = makeBooking(agency.tenantId);
      await events.deliverInOrder([
        bookingInvoiced(booking),
        bookingCanceled(
          booking,
          { credited: 11_000_000n, creditedTax: 1_000_000n, penalty: 0n, delivered: 0n },
          CANCELED_AT,
        ),
      ]);
      expect(await balancesIn(agency, 'VND')).toEqual({});
      expect(await scheduleOf(agency, `booking:${booking.bookingId}`)).toMatchObject({
        status: 'completed',
        recognized: '0',
        remaining: '0',
      });
    });

    it("books nothing for a booking's share of a payment on a rail: the payment's own event moved its cash", async () => {
      const agency = await provisionedAgency();
      const booking = makeBooking(agency.tenantId);
      await events.deliverInOrder([
        bookingInvoiced(booking),
        bookingPaid(booking, 11_000_000n, 'rail', '2026-09-29T03:00:00.000Z'),
      ]);
      expect((await journal(agency)).map((e) => e.sourceKey.split(':')[0])).toEqual(['booking-invoiced']);
    });
  });

  describe('a licence agreement', () => {
    let agency: TestAgency;
    const agreement = () => makeAgreement(agency.tenantId);

    beforeAll(async () => {
      agency = await provisionedAgency();
    });

    it('has a Royalties account in the default chart', async () => {
      const accounts = await agency.api.get<AccountListResponse>('/v1/finance/accounts');
      expect(accounts.body.items.find((a) => a.code === '5300')).toMatchObject({
        name: 'Royalties',
        type: 'expense',
        system: true,
      });
    });

    it('defers its flat fee and recognizes it ratably over the term', async () => {
      const licence = agreement();
      await events.deliverInOrder([agreementActivated(licence)]);
      const activated = await entryOf(agency, `agreement-activated:${licence.agreementId}`);
      expect(activated).toMatchObject({
        postedOn: '2026-01-01',
        stream: 'licensing',
        counterpartyId: licence.licenseeId,
      });
      expect(postingsOf(activated)).toEqual([
        ['1300', '33000000'],
        ['2200', '-3000000'],
        ['2100', '-30000000'],
      ]);
      expect(await scheduleOf(agency, `agreement:${licence.agreementId}`)).toMatchObject({
        method: 'ratable',
        firstDay: '2026-01-01',
        lastDay: '2026-12-31',
        days: 365,
      });

      const run = await suite
        .instances('finance')[0]
        .get(RecognitionRunService)
        .recognizeAgency(agency.tenantId, new Date('2026-02-01T01:00:00.000Z'));
      const january = ((30_000_000n * 31n) / 365n).toString();
      expect(run.entries).toEqual([
        {
          entryId: expect.any(String),
          stream: 'licensing',
          currency: 'VND',
          postedOn: '2026-01-31',
          amount: january,
          schedules: 1,
          days: 31,
        },
      ]);
      const recognized = await agency.api.get<JournalEntryView>(
        `/v1/finance/journal-entries/${run.entries[0].entryId}`,
      );
      expect(recognized.body).toMatchObject({ stream: 'licensing', postedOn: '2026-01-31' });
      expect(postingsOf(recognized.body)).toEqual([
        ['2100', january],
        ['4300', `-${january}`],
      ]);
      expect(await scheduleOf(agency, `agreement:${licence.agreementId}`)).toMatchObject({
        recognized: january,
        recognizedThrough: '2026-01-31',
      });
    });

    it('books usage as licensing revenue when charged, and a royalty statement as an expense owed', async () => {
      const licence = agreement();
      const [usageId, statementId] = [randomUUID(), randomUUID()];
      await events.deliverInOrder([
        usageCharged(licence, usageId, '2026-03-05T02:00:00.000Z'),
        statementIssued(licence, statementId, '2026-04-01T02:00:00.000Z'),
      ]);
      const usage = await entryOf(agency, `usage-charged:${usageId}`);
      expect(usage).toMatchObject({ postedOn: '2026-03-05', stream: 'licensing', counterpartyId: licence.licenseeId });
      expect(postingsOf(usage)).toEqual([
        ['1300', '1100000'],
        ['2200', '-100000'],
        ['4300', '-1000000'],
      ]);
      const statement = await entryOf(agency, `statement-issued:${statementId}`);
      expect(statement).toMatchObject({ postedOn: '2026-04-01', counterpartyId: licence.licenseeId });
      expect(postingsOf(statement)).toEqual([
        ['5300', '250000'],
        ['2300', '-250000'],
      ]);
    });
  });
});
