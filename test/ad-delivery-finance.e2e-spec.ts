import { Client } from 'pg';
import { eventually, pngOf } from '@libs/testing';
import type {
  AvailabilityView,
  CreativeView,
  JournalEntryView,
  MakeGoodListResponse,
  MakeGoodView,
  OrderView,
  RecognitionScheduleListResponse,
  RevenueByArticleResponse,
} from '@libs/contracts';
import { DeliveryRecordsService } from '../apps/advertising/src/delivery-records/delivery-records.service';
import {
  advertiserWithKey,
  bookableUnit,
  cpmLine,
  dayFromToday,
  placeOrder,
  siteFollowed,
} from './support/ad-booking-fixtures';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { BeaconLine, beaconLineOf, deliverBeacons } from './support/delivered-beacons';
import { balancesIn, createFinanceAgency, journalOf } from './support/finance-events';
import { TestSuite } from './support/test-suite';

interface Problem {
  detail?: string;
  errors?: { field: string }[];
}

const HOUR = 3_600_000;
/** Three hours into an agency-local day (Asia/Ho_Chi_Minh): the day before has ended and settled. */
const during = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 3 * HOUR);
const D = [0, 1, 2, 3, 4, 5, 6].map(dayFromToday);

describe('advertising delivery in the books: DeliveryRecorded and make-goods', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let db: Client;
  let siteId: string;
  let advertiser: Awaited<ReturnType<typeof advertiserWithKey>>;
  let order: OrderView;
  let units: { front: string; side: string };
  let [cpm, cpd, idle]: BeaconLine[] = [];
  let creativeId: string;

  const record = (now: Date) => suite.instances('advertising')[0].get(DeliveryRecordsService).recordDue(now);
  const outboxOf = async (subject: string, bookingId: string) =>
    (
      await db.query(
        `SELECT envelope->'data' AS data FROM advertising.outbox
         WHERE subject = $1 AND envelope->'data'->>'bookingId' = $2 ORDER BY seq`,
        [subject, bookingId],
      )
    ).rows.map((row: { data: Record<string, unknown> }) => row.data);
  const postingsOf = (entry: JournalEntryView) => entry.postings.map((p) => [p.accountCode, p.amount]);
  async function entryOf(sourceKey: string): Promise<JournalEntryView> {
    let found: JournalEntryView | undefined;
    await eventually(async () => {
      found = (await journalOf(agency)).find((entry) => entry.sourceKey === sourceKey);
      expect(found).toBeDefined();
    });
    return found!;
  }
  async function makeGoodOf(lineId: string): Promise<MakeGoodView> {
    const listed = await agency.api.get<MakeGoodListResponse>('/v1/advertising/make-goods');
    return listed.body.items.find((item) => item.lineId === lineId)!;
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising', 'finance']);
    api = new Api(await suite.gatewayUrl());
    agency = await createFinanceAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    units = {
      front: (await bookableUnit(agency, siteId, 'books-front', 10_000)).id,
      side: (await bookableUnit(agency, siteId, 'books-side', 10_000)).id,
    };
    advertiser = await advertiserWithKey(agency, api, 'Booked');
    const placed = await placeOrder(advertiser.client, {
      lines: [
        // 3 × 1000 impressions at 50,000 per thousand: 150,000 taxable, 15,000 VAT
        cpmLine(units.front, 1000, D[1], D[3]),
        // 3 whole days at 10,000,000: 30,000,000 taxable, 3,000,000 VAT
        { adUnitId: units.side, pricingModel: 'cpd', flightStart: D[1], flightEnd: D[3] },
        // 100 impressions at 50,000 per thousand: 5,000 taxable, 500 VAT; never delivered
        cpmLine(units.front, 100, D[1], D[1]),
      ],
    });
    expect(placed.status).toBe(201);
    await agency.api.post(`/v1/advertising/orders/${placed.body.id}/submit`, {});
    order = (await agency.api.post<OrderView>(`/v1/advertising/orders/${placed.body.id}/approve`, {})).body;
    expect(order.status).toBe('approved');
    [cpm, cpd, idle] = [0, 1, 2].map((i) => beaconLineOf(agency.tenantId, siteId, order, i));
    const creative = await advertiser.client.post<CreativeView>('/v1/advertising/creatives', {
      name: 'Banner',
      kind: 'image',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/',
      contentBase64: pngOf(300, 250).toString('base64'),
    });
    creativeId = creative.body.id;
    expect((await agency.api.post(`/v1/advertising/creatives/${creativeId}/approve`, {})).status).toBe(200);
    const attached = await agency.api.post(`/v1/advertising/creatives/${creativeId}/attachments`, {
      orderLineId: cpd.lineId,
    });
    expect(attached.status).toBe(200);
    await deliverBeacons(db, cpm, [
      { day: D[1], hour: 9, articleId: 'bai-a', impressions: 400 },
      { day: D[1], hour: 10, articleId: 'bai-b', impressions: 200 },
      { day: D[2], hour: 20, impressions: 1000 },
      { day: D[3], hour: 23, articleId: 'bai-a', impressions: 200 },
    ]);
    // the cpd line serves nothing on its second day
    await deliverBeacons(db, cpd, [
      { day: D[1], hour: 12, articleId: 'bai-c', impressions: 5 },
      { day: D[3], hour: 12, impressions: 3 },
    ]);
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('records each settled day of each line once, whichever instance gets to it, and tells finance what each delivering day earned', async () => {
    // before a day settles, nothing is due
    expect(await record(new Date(Date.parse(`${D[2]}T00:00:00+07:00`) + HOUR))).toBe(0);
    // two instances at once: 7 line-days between them, each recorded once
    await suite.startInstance('advertising');
    const recorded = await Promise.all(
      suite.instances('advertising').map((instance) => instance.get(DeliveryRecordsService).recordDue(during(D[4]))),
    );
    expect(recorded.reduce((sum, n) => sum + n, 0)).toBe(7);
    expect(await record(during(D[4]))).toBe(0);
    const { rows } = await db.query(
      `SELECT line_id, day::text AS day, impressions::int, amount::text, event_id IS NOT NULL AS told
       FROM advertising.delivery_records WHERE order_id = $1 ORDER BY line_id, day`,
      [order.id],
    );
    const of = (lineId: string) =>
      rows.filter((row: { line_id: string }) => row.line_id === lineId).map(({ line_id: _l, ...rest }) => rest);
    expect(of(cpm.lineId)).toEqual([
      { day: D[1], impressions: 600, amount: '30000', told: true },
      { day: D[2], impressions: 1000, amount: '50000', told: true },
      { day: D[3], impressions: 200, amount: '10000', told: true },
    ]);
    expect(of(cpd.lineId)).toEqual([
      { day: D[1], impressions: 5, amount: '10000000', told: true },
      { day: D[2], impressions: 0, amount: '0', told: false },
      { day: D[3], impressions: 3, amount: '10000000', told: true },
    ]);
    expect(of(idle.lineId)).toEqual([{ day: D[1], impressions: 0, amount: '0', told: false }]);
    expect(await outboxOf('evt.advertising.delivery.recorded.v1', cpm.lineId)).toEqual([
      {
        bookingId: cpm.lineId,
        day: D[1],
        impressions: 600,
        currency: 'VND',
        amount: '30000',
        articles: [
          { articleId: 'bai-a', amount: '20000' },
          { articleId: 'bai-b', amount: '10000' },
        ],
      },
      { bookingId: cpm.lineId, day: D[2], impressions: 1000, currency: 'VND', amount: '50000', articles: [] },
      {
        bookingId: cpm.lineId,
        day: D[3],
        impressions: 200,
        currency: 'VND',
        amount: '10000',
        articles: [{ articleId: 'bai-a', amount: '10000' }],
      },
    ]);
  });

  it("recognizes the days in finance's books, with the ads' revenue per article", async () => {
    expect(postingsOf(await entryOf(`delivery:${cpm.lineId}:${D[2]}`))).toEqual([
      ['2100', '50000'],
      ['4200', '-50000'],
    ]);
    expect(postingsOf(await entryOf(`delivery:${cpd.lineId}:${D[3]}`))).toEqual([
      ['2100', '10000000'],
      ['4200', '-10000000'],
    ]);
    await eventually(async () => {
      const schedules = await agency.api.get<RecognitionScheduleListResponse>('/v1/finance/recognition-schedules');
      expect(schedules.body.items.find((s) => s.source === `booking:${cpm.lineId}`)).toMatchObject({
        recognized: '90000',
        remaining: '60000',
      });
    });
    const months = `from=${D[1].slice(0, 7)}&to=${D[3].slice(0, 7)}`;
    await eventually(async () => {
      const byArticle = await agency.api.get<RevenueByArticleResponse>(
        `/v1/finance/reports/revenue-by-article?${months}`,
      );
      expect(byArticle.body.rows.map((row) => [row.articleId, row.advertising, row.total]).sort()).toEqual([
        ['bai-a', '30000', '30000'],
        ['bai-b', '10000', '10000'],
        ['bai-c', '10000000', '10000000'],
      ]);
    });
  });

  it('proposes a make-good for each line short at the end of its flight, which its advertiser sees', async () => {
    const listed = await advertiser.client.get<MakeGoodListResponse>('/v1/advertising/make-goods');
    expect(
      listed.body.items.map((m) => [m.lineId, m.status, m.shortfallUnit, m.shortfall, m.creditAmount]).sort(),
    ).toEqual(
      [
        [cpm.lineId, 'proposed', 'impressions', 1200, '60000'],
        [cpd.lineId, 'proposed', 'days', 1, '10000000'],
        [idle.lineId, 'proposed', 'impressions', 100, '5000'],
      ].sort(),
    );
    const short = await makeGoodOf(cpm.lineId);
    expect(short).toMatchObject({
      goal: 3000,
      delivered: 1800,
      orderId: order.id,
      advertiserId: advertiser.advertiser.id,
    });
    expect(short.reason).toBe(
      `under-delivery: 1,800 of 3,000 impressions by the end of the flight on ${D[3]}, 1,200 short`,
    );
    expect((await makeGoodOf(cpd.lineId)).missedDays).toEqual([D[2]]);
    expect((await advertiser.client.post(`/v1/advertising/make-goods/${short.id}/accept-as-credit`, {})).status).toBe(
      403,
    );
  });

  it('books a make-good line only where there is room: a full day refuses it and nothing is written', async () => {
    const filler = await placeOrder(agency.api, {
      advertiserId: advertiser.advertiser.id,
      lines: [cpmLine(units.front, 10_000, D[6], D[6])],
    });
    expect(filler.status).toBe(201);
    const short = await makeGoodOf(cpm.lineId);
    const ordersBefore = (await agency.api.get<{ items: unknown[] }>('/v1/advertising/orders')).body.items.length;
    const refused = await agency.api.post(`/v1/advertising/make-goods/${short.id}/accept-as-line`, {
      flightStart: D[6],
      flightEnd: D[6],
    });
    expect(refused.status).toBe(409);
    expect((refused.body as Problem).detail).toContain(D[6]);
    expect((await makeGoodOf(cpm.lineId)).status).toBe('proposed');
    expect((await agency.api.get<{ items: unknown[] }>('/v1/advertising/orders')).body.items).toHaveLength(
      ordersBefore,
    );
  });

  it('credits a make-good: MakeGoodCredited takes the shortfall off what finance still defers', async () => {
    const short = await makeGoodOf(cpm.lineId);
    const credited = await agency.api.post<MakeGoodView>(`/v1/advertising/make-goods/${short.id}/accept-as-credit`, {
      reason: 'agreed with the advertiser',
    });
    expect(credited.status).toBe(200);
    expect(credited.body).toMatchObject({ status: 'credited', makeGoodLineId: null });
    expect(credited.body.history).toEqual([
      expect.objectContaining({ from: 'proposed', to: 'credited', reason: 'agreed with the advertiser' }),
    ]);
    expect((await agency.api.post(`/v1/advertising/make-goods/${short.id}/accept-as-credit`, {})).status).toBe(409);
    const entry = await entryOf(`make-good:${short.id}`);
    expect(postingsOf(entry)).toEqual([
      ['2100', '60000'],
      ['1300', '-60000'],
    ]);
    expect(entry.description).toContain('under-delivery');
  });

  it("accepts a make-good as a new line linked to the short one, free of charge, serving the short line's creatives", async () => {
    const missed = await makeGoodOf(cpd.lineId);
    const tooLong = await agency.api.post(`/v1/advertising/make-goods/${missed.id}/accept-as-line`, {
      flightStart: D[5],
      flightEnd: D[6],
    });
    expect(tooLong.status).toBe(400);
    expect(((tooLong.body as Problem).errors ?? []).map((e) => e.field)).toEqual(['flightEnd']);
    const accepted = await agency.api.post<MakeGoodView>(`/v1/advertising/make-goods/${missed.id}/accept-as-line`, {
      flightStart: D[5],
      flightEnd: D[5],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted-as-line');
    const made = await agency.api.get<OrderView>(`/v1/advertising/orders/${accepted.body.makeGoodOrderId}`);
    expect(made.body).toMatchObject({ status: 'approved', advertiserId: advertiser.advertiser.id, total: '0' });
    expect(made.body.lines).toEqual([
      expect.objectContaining({
        id: accepted.body.makeGoodLineId,
        adUnitId: units.side,
        pricingModel: 'cpd',
        flightStart: D[5],
        flightEnd: D[5],
        makeGoodOf: cpd.lineId,
      }),
    ]);
    const availability = await agency.api.get<AvailabilityView>(
      `/v1/advertising/availability?adUnitIds=${units.side}&from=${D[5]}&to=${D[5]}`,
    );
    expect(availability.body.units[0].days[0]).toMatchObject({ sold: 10_000, available: 0, exclusive: 'taken' });
    const creative = await agency.api.get<CreativeView>(`/v1/advertising/creatives/${creativeId}`);
    expect(creative.body.orderLineIds).toEqual([cpd.lineId, accepted.body.makeGoodLineId]);
    expect(await outboxOf('evt.advertising.booking.invoiced.v1', accepted.body.makeGoodLineId!)).toEqual([]);
  });

  it('rejects a make-good only with a reason', async () => {
    const unwanted = await makeGoodOf(idle.lineId);
    const noReason = await agency.api.post(`/v1/advertising/make-goods/${unwanted.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(((noReason.body as Problem).errors ?? []).map((e) => e.field)).toEqual(['reason']);
    const rejected = await agency.api.post<MakeGoodView>(`/v1/advertising/make-goods/${unwanted.id}/reject`, {
      reason: 'the advertiser waived it',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    expect(rejected.body.history[0]).toMatchObject({ to: 'rejected', reason: 'the advertiser waived it' });
    const late = await agency.api.post(`/v1/advertising/make-goods/${unwanted.id}/accept-as-line`, {
      flightStart: D[5],
      flightEnd: D[5],
    });
    expect(late.status).toBe(409);
  });

  it("records a make-good line's delivery without telling finance, which never invoiced it", async () => {
    const missed = await makeGoodOf(cpd.lineId);
    const line = { ...cpd, orderId: missed.makeGoodOrderId!, lineId: missed.makeGoodLineId! };
    await deliverBeacons(db, line, [{ day: D[5], hour: 8, impressions: 50 }]);
    expect(await record(during(D[6]))).toBe(1);
    const { rows } = await db.query(
      `SELECT impressions::int, amount::text, event_id FROM advertising.delivery_records WHERE line_id = $1`,
      [line.lineId],
    );
    expect(rows).toEqual([{ impressions: 50, amount: '0', event_id: null }]);
    expect(await outboxOf('evt.advertising.delivery.recorded.v1', line.lineId)).toEqual([]);
  });

  it('leaves the books balanced: what was invoiced, less what was credited, recognized as delivered', async () => {
    await eventually(async () => {
      expect(await balancesIn(agency, 'VND')).toEqual({
        // 165,000 + 33,000,000 + 5,500 invoiced, 60,000 credited
        '1300': '33110500',
        '2200': '-3015500',
        // the cpd line's missed day and the idle line (its make-good rejected) stay deferred
        '2100': '-10005000',
        '4200': '-20090000',
      });
    });
  });
});
