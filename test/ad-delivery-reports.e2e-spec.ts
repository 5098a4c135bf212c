import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { AdUnitView, AvailabilityView, DeliveryReportGroup, DeliveryReportView, OrderView } from '@libs/contracts';
import { UnitCapacityService } from '../apps/advertising/src/ad-units/unit-capacity.service';
import {
  advertiserWithKey,
  bookableUnit,
  cpmLine,
  dayFromToday,
  placeOrder,
  siteFollowed,
} from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { BeaconLine, beaconLineOf, countDelivery, deliverBeacons } from './support/delivered-beacons';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A raw event as the report must count it. */
interface RawEvent {
  kind: 'impression' | 'viewable' | 'click';
  day: string;
  hour: number;
  line_id: string;
  ad_unit_id: string;
  article_id: string;
  reader_hash: string | null;
}

const KEY_OF: Record<DeliveryReportGroup, (event: RawEvent) => string> = {
  day: (e) => e.day,
  hour: (e) => `${e.day}T${String(e.hour).padStart(2, '0')}`,
  line: (e) => e.line_id,
  unit: (e) => e.ad_unit_id,
  article: (e) => e.article_id,
};

const INJECTED = '=HYPERLINK("https://evil.example/")';

describe('advertising delivery reports', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let db: Client;
  let advertiser: Awaited<ReturnType<typeof advertiserWithKey>>;
  let order: OrderView;
  let lines: BeaconLine[];

  const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.field);

  async function approved(client: Api, body: Record<string, unknown>): Promise<OrderView> {
    const placed = await placeOrder(client, body);
    expect(placed.status).toBe(201);
    expect((await agency.api.post(`/v1/advertising/orders/${placed.body.id}/submit`, {})).status).toBe(200);
    const approval = await agency.api.post<OrderView>(`/v1/advertising/orders/${placed.body.id}/approve`, {});
    expect(approval.status).toBe(200);
    return approval.body;
  }

  /** The order's raw events, grouped and counted here, apart from the report's SQL. */
  async function rawCounts(groupBy: DeliveryReportGroup) {
    const { rows } = await db.query<RawEvent>(
      `SELECT kind, day::text AS day, hour, line_id, ad_unit_id, article_id, reader_hash
       FROM advertising.ad_events WHERE order_id = $1`,
      [order.id],
    );
    const groups = new Map<string, { impressions: number; viewables: number; clicks: number; readers: Set<string> }>();
    for (const event of rows) {
      const key = KEY_OF[groupBy](event);
      const group = groups.get(key) ?? { impressions: 0, viewables: 0, clicks: 0, readers: new Set<string>() };
      if (event.kind === 'impression') group.impressions++;
      if (event.kind === 'viewable') group.viewables++;
      if (event.kind === 'click') group.clicks++;
      if (event.kind === 'impression' && event.reader_hash) group.readers.add(event.reader_hash);
      groups.set(key, group);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, g]) => ({
        key,
        impressions: g.impressions,
        viewables: g.viewables,
        clicks: g.clicks,
        uniqueReaders: g.readers.size,
      }));
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    const [front, side] = [
      await bookableUnit(agency, siteId, 'report-front'),
      await bookableUnit(agency, siteId, 'report-side'),
    ];
    advertiser = await advertiserWithKey(agency, api, 'Reported');
    order = await approved(advertiser.client, {
      lines: [
        cpmLine(front.id, 1000, dayFromToday(1), dayFromToday(3)),
        cpmLine(side.id, 500, dayFromToday(1), dayFromToday(2)),
      ],
    });
    lines = [beaconLineOf(agency.tenantId, siteId, order, 0), beaconLineOf(agency.tenantId, siteId, order, 1)];
    await deliverBeacons(db, lines[0], [
      {
        day: dayFromToday(1),
        hour: 8,
        articleId: 'bai-1',
        impressions: 40,
        viewables: 30,
        clicks: 2,
        readers: ['r1', 'r2'],
      },
      {
        day: dayFromToday(1),
        hour: 21,
        articleId: 'bai-2',
        impressions: 25,
        viewables: 5,
        readers: ['r2', null, 'r3'],
      },
      {
        day: dayFromToday(2),
        hour: 8,
        articleId: INJECTED,
        impressions: 10,
        viewables: 10,
        clicks: 1,
        readers: ['r4'],
      },
      { day: dayFromToday(3), hour: 0, impressions: 7, readers: [null] },
    ]);
    await deliverBeacons(db, lines[1], [
      { day: dayFromToday(1), hour: 8, articleId: 'bai-1', impressions: 12, viewables: 6, clicks: 3, readers: ['r1'] },
      { day: dayFromToday(2), hour: 23, articleId: 'bai-3', impressions: 9, readers: ['r5', 'r6', 'r7'] },
    ]);
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it.each<DeliveryReportGroup>(['day', 'hour', 'line', 'unit', 'article'])(
    'reports per %s exactly what the raw events count',
    async (groupBy) => {
      const report = await advertiser.client.get<DeliveryReportView>(
        `/v1/advertising/reports/delivery?orderId=${order.id}&groupBy=${groupBy}`,
      );
      expect(report.status).toBe(200);
      const expected = await rawCounts(groupBy);
      expect(report.body.rows.map(({ viewableRate: _v, ctr: _c, ...counts }) => counts)).toEqual(expected);
      expect(report.body.totals).toMatchObject({ impressions: 103, viewables: 51, clicks: 6, uniqueReaders: 7 });
      expect(report.body).toMatchObject({
        timeZone: 'Asia/Ho_Chi_Minh',
        from: dayFromToday(1),
        to: dayFromToday(3),
        groupBy,
        uniqueReadersCounting: 'exact',
      });
    },
  );

  it("gives rates, and each line's delivery against its goal and pace", async () => {
    const report = await agency.api.get<DeliveryReportView>(
      `/v1/advertising/reports/delivery?lineId=${lines[0].lineId}&groupBy=line`,
    );
    expect(report.body.rows).toEqual([
      {
        key: lines[0].lineId,
        impressions: 82,
        viewables: 45,
        viewableRate: 0.5488,
        clicks: 3,
        ctr: 0.0366,
        uniqueReaders: 4,
      },
    ]);
    // the flight begins tomorrow: nothing is expected yet, so there is no pace to speak of
    expect(report.body.lines).toEqual([
      {
        lineId: lines[0].lineId,
        orderId: order.id,
        adUnitId: lines[0].adUnitId,
        pricingModel: 'cpm',
        flightStart: dayFromToday(1),
        flightEnd: dayFromToday(3),
        goalUnit: 'impressions',
        goal: 3000,
        delivered: 82,
        expectedByNow: 0,
        deliveredPercent: 2.73,
        expectedPercent: 0,
        pacingPercent: null,
      },
    ]);
  });

  it('reads the days asked only', async () => {
    const report = await agency.api.get<DeliveryReportView>(
      `/v1/advertising/reports/delivery?orderId=${order.id}&from=${dayFromToday(2)}&to=${dayFromToday(2)}&groupBy=line`,
    );
    expect(report.body.rows.map((row) => [row.key, row.impressions])).toEqual(
      [
        [lines[0].lineId, 10],
        [lines[1].lineId, 9],
      ].sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    expect(report.body.totals.impressions).toBe(19);
  });

  it.each([
    ['format=csv', '&format=csv', {}],
    ['Accept: text/csv', '', { accept: 'text/csv' }],
  ])('exports the rows as CSV on %s, a formula in a cell defused', async (_how, query, headers) => {
    const report = await agency.api.get<string>(
      `/v1/advertising/reports/delivery?orderId=${order.id}&groupBy=article${query}`,
      headers,
    );
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const rows = report.body.trim().split('\r\n');
    expect(rows[0]).toBe('key,impressions,viewables,viewableRate,clicks,ctr,uniqueReaders');
    expect(rows).toContain(`"'=HYPERLINK(""https://evil.example/"")",10,10,1,1,0.1,1`);
    expect(rows).toContain(',7,0,0,0,0,0');
    expect(rows).toHaveLength(1 + 5);
  });

  it.each([
    ['days in the wrong order', `from=${dayFromToday(3)}&to=${dayFromToday(1)}`, 'to'],
    ['a day the calendar lacks', 'from=2027-02-30&to=2027-03-01', 'from'],
    ['more than a year', 'from=2027-01-01&to=2028-01-02', 'to'],
    ['an unknown grouping', 'groupBy=week', 'groupBy'],
    ['an order id that is none', 'orderId=nope', 'orderId'],
  ])('refuses %s naming the field', async (_what, query, field) => {
    const answer = await agency.api.get(`/v1/advertising/reports/delivery?${query}`);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toContain(field);
  });

  it("answers 404 for another advertiser's or another agency's order or line, and lists only the caller's", async () => {
    const other = await advertiserWithKey(agency, api, 'Other');
    const path = '/v1/advertising/reports/delivery';
    expect((await other.client.get(`${path}?orderId=${order.id}`)).status).toBe(404);
    expect((await other.client.get(`${path}?lineId=${lines[0].lineId}`)).status).toBe(404);
    const mine = await other.client.get<DeliveryReportView>(`${path}?from=${dayFromToday(1)}&to=${dayFromToday(3)}`);
    expect(mine.body).toMatchObject({ rows: [], lines: [], totals: { impressions: 0 } });
    const elsewhere = await createAgency(api, suite.operatorToken);
    expect((await elsewhere.api.get(`${path}?orderId=${order.id}`)).status).toBe(404);
    expect((await elsewhere.api.get(`${path}?lineId=${lines[0].lineId}`)).status).toBe(404);
  });

  describe('capacity forecast', () => {
    /** Days from the agency's today back, each with its impressions: Monday to Friday 4000, weekends 2000. */
    async function history(unit: AdUnitView, days: number): Promise<void> {
      const line = {
        tenantId: agency.tenantId,
        siteId,
        orderId: randomUUID(),
        lineId: randomUUID(),
        adUnitId: unit.id,
      };
      await countDelivery(
        db,
        line,
        Array.from({ length: days }, (_, i) => {
          const day = dayFromToday(-1 - i);
          const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
          return { day, hour: 12, impressions: weekend ? 2000 : 4000 };
        }),
      );
    }

    const weekendIn = (days: string[]) =>
      days.find((day) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()))!;
    const weekdayIn = (days: string[]) =>
      days.find((day) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()))!;
    const WEEK = Array.from({ length: 7 }, (_, i) => dayFromToday(i + 1));

    it('refuses forecast mode for a unit with less than 4 weeks of delivery, saying why', async () => {
      const unit = await bookableUnit(agency, siteId, 'young-unit', 10_000);
      await history(unit, 10);
      const refused = await agency.api.patch(`/v1/advertising/ad-units/${unit.id}`, { capacity: { mode: 'forecast' } });
      expect(refused.status).toBe(409);
      expect((refused.body as unknown as Problem).detail).toContain('at least 28 days (4 weeks)');
      expect((refused.body as unknown as Problem).detail).toContain('it has 10 days');
      expect((await agency.api.get<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`)).body.capacity).toEqual({
        mode: 'configured',
        forecast: null,
      });
    });

    it('forecasts per weekday from 5 weeks of delivery, shows it on availability and books against its lower bound', async () => {
      const unit = await bookableUnit(agency, siteId, 'seasoned-unit', 10_000);
      await history(unit, 35);
      const changed = await agency.api.patch<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`, {
        capacity: { mode: 'forecast' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.capacity.mode).toBe('forecast');
      expect(changed.body.capacity.forecast).toMatchObject({
        historyFrom: dayFromToday(-35),
        historyTo: dayFromToday(-1),
      });
      expect(changed.body.capacity.forecast!.weekdays.map((w) => [w.weekday, w.days, w.low, w.mean, w.high])).toEqual([
        ['monday', 5, 4000, 4000, 4000],
        ['tuesday', 5, 4000, 4000, 4000],
        ['wednesday', 5, 4000, 4000, 4000],
        ['thursday', 5, 4000, 4000, 4000],
        ['friday', 5, 4000, 4000, 4000],
        ['saturday', 5, 2000, 2000, 2000],
        ['sunday', 5, 2000, 2000, 2000],
      ]);
      const availability = await agency.api.get<AvailabilityView>(
        `/v1/advertising/availability?adUnitIds=${unit.id}&from=${WEEK[0]}&to=${WEEK[6]}`,
      );
      expect(availability.body.units[0].capacity).toEqual(changed.body.capacity);
      const weekend = weekendIn(WEEK);
      const weekday = weekdayIn(WEEK);
      const byDay = new Map(availability.body.units[0].days.map((d) => [d.day, d.capacity]));
      expect([byDay.get(weekend), byDay.get(weekday)]).toEqual([2000, 4000]);
      const tooMuch = await placeOrder(agency.api, {
        advertiserId: advertiser.advertiser.id,
        lines: [cpmLine(unit.id, 2500, weekend)],
      });
      expect(tooMuch.status).toBe(409);
      expect((tooMuch.body as unknown as Problem).detail).toContain(weekend);
      const fits = await placeOrder(agency.api, {
        advertiserId: advertiser.advertiser.id,
        lines: [cpmLine(unit.id, 2500, weekday)],
      });
      expect(fits.status).toBe(201);
      const { rows } = await db.query('SELECT capacity, held FROM advertising.inventory_days WHERE ad_unit_id = $1', [
        unit.id,
      ]);
      expect(rows).toEqual([{ capacity: 4000, held: 2500 }]);
    });

    it('refuses forecast mode where more is already sold or held than the forecast, naming the days', async () => {
      const unit = await bookableUnit(agency, siteId, 'busy-unit', 10_000);
      await history(unit, 28);
      const weekend = weekendIn(WEEK);
      expect(
        (
          await placeOrder(agency.api, {
            advertiserId: advertiser.advertiser.id,
            lines: [cpmLine(unit.id, 3000, weekend)],
          })
        ).status,
      ).toBe(201);
      const refused = await agency.api.patch(`/v1/advertising/ad-units/${unit.id}`, { capacity: { mode: 'forecast' } });
      expect(refused.status).toBe(409);
      expect((refused.body as unknown as Problem).detail).toContain(weekend);
      expect((await agency.api.get<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`)).body.capacity.mode).toBe(
        'configured',
      );
    });

    it('remakes a forecast a day later from the delivery since, never below what is booked', async () => {
      const unit = await bookableUnit(agency, siteId, 'remade-unit', 10_000);
      await history(unit, 28);
      expect(
        (await agency.api.patch(`/v1/advertising/ad-units/${unit.id}`, { capacity: { mode: 'forecast' } })).status,
      ).toBe(200);
      const weekday = weekdayIn(WEEK);
      expect(
        (
          await placeOrder(agency.api, {
            advertiserId: advertiser.advertiser.id,
            lines: [cpmLine(unit.id, 3500, weekday)],
          })
        ).status,
      ).toBe(201);
      // today delivers nothing: a day later its weekday's range widens and its lower bound falls to 0
      const tomorrow = new Date(Date.now() + 24 * 3_600_000);
      const [instance] = suite.instances('advertising');
      expect(await instance.get(UnitCapacityService).refreshForecasts(tomorrow)).toBeGreaterThanOrEqual(1);
      const remade = (await agency.api.get<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`)).body.capacity.forecast!;
      expect(remade.historyTo).toBe(dayFromToday(0));
      const todayIndex = (new Date(`${dayFromToday(0)}T00:00:00Z`).getUTCDay() + 6) % 7;
      expect(remade.weekdays[todayIndex]).toMatchObject({ days: 5, low: 0 });
      const { rows } = await db.query(
        'SELECT day::text AS day, capacity, held FROM advertising.inventory_days WHERE ad_unit_id = $1',
        [unit.id],
      );
      expect(rows).toEqual([{ day: weekday, capacity: expect.any(Number), held: 3500 }]);
      expect((rows[0] as { capacity: number }).capacity).toBeGreaterThanOrEqual(3500);
    });
  });
});
