import { Client } from 'pg';
import { pngOf } from '@libs/testing';
import type { AdUnitView, CreativeView, OrderView, TakeoverPageView, TakeoverQuoteView } from '@libs/contracts';
import {
  advertiserWithKey,
  bookableUnit,
  cpmLine,
  dayFromToday,
  placeOrder,
  siteFollowed,
  unitBody,
} from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe('advertising takeovers (roadblocks)', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let db: Client;
  let serial = 0;

  const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.field);

  /** Units of the site, each sold as a sponsorship at 30,000,000 a day (VAT 10 %). */
  const units = (n: number, capacity = 10_000) =>
    Promise.all(Array.from({ length: n }, () => bookableUnit(agency, siteId, `to-unit-${++serial}`, capacity)));

  async function page(unitList: AdUnitView[]): Promise<TakeoverPageView> {
    const made = await agency.api.post<TakeoverPageView>('/v1/advertising/takeover-pages', {
      siteId,
      code: `page-${++serial}`,
      name: 'Trang chủ',
      adUnitIds: unitList.map((unit) => unit.id),
    });
    expect(made.status).toBe(201);
    return made.body;
  }

  const takeover = (client: Api, body: Record<string, unknown>) =>
    client.post<OrderView>('/v1/advertising/takeovers', { name: 'Takeover Tết', ...body });

  /** Every unit-day's sold and held impressions, and whether a whole-day line owns it, of these units (sorted). */
  async function stored(unitList: AdUnitView[]): Promise<string[]> {
    const { rows } = await db.query(
      `SELECT ad_unit_id, day::text AS day, sold, held, exclusive FROM advertising.inventory_days
       WHERE ad_unit_id = ANY($1::uuid[])`,
      [unitList.map((unit) => unit.id)],
    );
    const code = (id: string) => unitList.find((unit) => unit.id === id)!.code;
    return (rows as { ad_unit_id: string; day: string; sold: number; held: number; exclusive: boolean }[])
      .map(
        (row) => `${code(row.ad_unit_id)} ${row.day} sold ${row.sold} held ${row.held}${row.exclusive ? ' owned' : ''}`,
      )
      .sort();
  }

  async function creative(advertiserId: string, approve: boolean): Promise<CreativeView> {
    const made = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
      advertiserId,
      name: `Banner ${++serial}`,
      kind: 'image',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/',
      contentBase64: pngOf(300, 250, 5_000 + serial).toString('base64'),
    });
    expect(made.status).toBe(201);
    if (approve)
      expect(
        (await agency.api.send('POST', `/v1/advertising/creatives/${made.body.id}/approve`, undefined)).status,
      ).toBe(200);
    return made.body;
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  describe('takeover pages', () => {
    it("defines a page of the site's units, lists, reads and changes it, and refuses a second page of its code", async () => {
      const [a, b, c] = await units(3);
      const made = await page([a, b]);
      expect(made).toMatchObject({ siteId, name: 'Trang chủ', adUnitIds: [a.id, b.id] });
      expect((await agency.api.get<TakeoverPageView>(`/v1/advertising/takeover-pages/${made.id}`)).body).toEqual(made);
      const listed = await agency.api.get<{ items: TakeoverPageView[] }>('/v1/advertising/takeover-pages');
      expect(listed.body.items.map((p) => p.id)).toContain(made.id);
      const changed = await agency.api.patch<TakeoverPageView>(`/v1/advertising/takeover-pages/${made.id}`, {
        adUnitIds: [a.id, b.id, c.id],
      });
      expect(changed.body.adUnitIds).toEqual([a.id, b.id, c.id]);
      const twin = await agency.api.post('/v1/advertising/takeover-pages', {
        siteId,
        code: made.code,
        name: 'Twin',
        adUnitIds: [a.id],
      });
      expect(twin.status).toBe(409);
    });

    it('refuses a unit of another site or of no one, naming the field, and writes nothing', async () => {
      const [a] = await units(1);
      const elsewhere = await siteFollowed(agency, `${agency.slug}-b`);
      const other = await agency.api.post<AdUnitView>(
        '/v1/advertising/ad-units',
        unitBody(elsewhere, `to-other-${++serial}`),
      );
      const before = (await agency.api.get<{ items: unknown[] }>('/v1/advertising/takeover-pages')).body.items;
      for (const [adUnitIds, field] of [
        [[a.id, other.body.id], 'adUnitIds[1]'],
        [['00000000-0000-4000-8000-000000000000'], 'adUnitIds[0]'],
        [[a.id, a.id], 'adUnitIds'],
        [[], 'adUnitIds'],
      ] as const) {
        const refused = await agency.api.post('/v1/advertising/takeover-pages', {
          siteId,
          code: `refused-${++serial}`,
          name: 'Refused',
          adUnitIds,
        });
        expect([refused.status, fieldsOf(refused.body)]).toEqual([400, [field]]);
      }
      expect((await agency.api.get<{ items: unknown[] }>('/v1/advertising/takeover-pages')).body.items).toEqual(before);
    });
  });

  describe('booking a takeover', () => {
    it("quotes a takeover as the sum of its units' sponsorships, each from its own rate card", async () => {
      const three = await units(3);
      const quote = await agency.api.post<TakeoverQuoteView>('/v1/advertising/takeovers/quote', {
        pageId: (await page(three)).id,
        flightStart: dayFromToday(3),
        flightEnd: dayFromToday(4),
      });
      expect(quote.status).toBe(200);
      // 3 units × 2 days × 30,000,000, VAT 10 %
      expect(quote.body).toMatchObject({ currency: 'VND', taxable: '180000000', vat: '18000000', total: '198000000' });
      expect(quote.body.units.map((unit) => [unit.adUnitId, unit.pricingModel, unit.steps.listPrice])).toEqual(
        three.map((unit) => [unit.id, 'sponsorship', '60000000']),
      );
      expect(await stored(three)).toEqual([]);
    });

    it('takes every unit of the page exclusively for every day, one order whose lines share a roadblock id', async () => {
      const three = await units(3);
      const { advertiser } = await advertiserWithKey(agency, api, 'Ngân hàng X');
      const booked = await takeover(agency.api, {
        advertiserId: advertiser.id,
        pageId: (await page(three)).id,
        flightStart: dayFromToday(3),
        flightEnd: dayFromToday(4),
      });
      expect(booked.status).toBe(201);
      const roadblockId = booked.body.takeover!.roadblockId;
      expect(booked.body).toMatchObject({ status: 'draft', total: '198000000', sponsoredArticle: null });
      expect(booked.body.lines.map((line) => [line.adUnitId, line.pricingModel, line.roadblockId])).toEqual(
        three.map((unit) => [unit.id, 'sponsorship', roadblockId]),
      );
      expect(await stored(three)).toEqual(
        [3, 4].flatMap((n) => three.map((unit) => `${unit.code} ${dayFromToday(n)} sold 0 held 10000 owned`)).sort(),
      );
    });

    it('refuses the whole takeover when any unit is taken on any day, naming each, and holds nothing', async () => {
      const [a, b, c] = await units(3);
      const { advertiser } = await advertiserWithKey(agency, api, 'Đối thủ');
      expect(
        (await placeOrder(agency.api, { advertiserId: advertiser.id, lines: [cpmLine(b.id, 1, dayFromToday(4))] }))
          .status,
      ).toBe(201);
      const sponsorship = {
        adUnitId: c.id,
        pricingModel: 'sponsorship',
        flightStart: dayFromToday(5),
        flightEnd: dayFromToday(5),
      };
      expect((await placeOrder(agency.api, { advertiserId: advertiser.id, lines: [sponsorship] })).status).toBe(201);
      const before = await stored([a, b, c]);
      const { advertiser: other } = await advertiserWithKey(agency, api, 'Người đến sau');
      const refused = await takeover(agency.api, {
        advertiserId: other.id,
        adUnitIds: [a.id, b.id, c.id],
        flightStart: dayFromToday(3),
        flightEnd: dayFromToday(5),
      });
      expect(refused.status).toBe(409);
      const detail = (refused.body as unknown as Problem).detail!;
      expect(detail).toContain(`ad unit ${b.code} on ${dayFromToday(4)}`);
      expect(detail).toContain(`ad unit ${c.code} on ${dayFromToday(5)}`);
      expect(detail).not.toContain(a.code);
      expect(await stored([a, b, c])).toEqual(before);
      const orders = await agency.api.get<{ items: OrderView[] }>(`/v1/advertising/orders?advertiserId=${other.id}`);
      expect(orders.body.items).toEqual([]);
    });

    it.each([
      ['both a page and units', (p: string, u: string[]) => ({ pageId: p, adUnitIds: u }), 'pageId'],
      ['neither a page nor units', () => ({}), 'pageId'],
      ['a page of no one', () => ({ pageId: '00000000-0000-4000-8000-000000000000' }), 'pageId'],
      ['a past flight', (p: string) => ({ pageId: p, flightStart: dayFromToday(-1) }), 'flightStart'],
      [
        'an unknown unit',
        (_p: string, u: string[]) => ({ adUnitIds: [u[0], '00000000-0000-4000-8000-000000000000'] }),
        'adUnitIds[1]',
      ],
    ])('refuses %s naming the field, and books nothing', async (_what, fields, field) => {
      const two = await units(2);
      const { advertiser } = await advertiserWithKey(agency, api, 'Careless');
      const answer = await takeover(agency.api, {
        advertiserId: advertiser.id,
        flightStart: dayFromToday(3),
        flightEnd: dayFromToday(3),
        ...fields(
          (await page(two)).id,
          two.map((unit) => unit.id),
        ),
      });
      expect([answer.status, fieldsOf(answer.body)]).toEqual([400, [field]]);
      expect(await stored(two)).toEqual([]);
    });

    it('refuses units of two sites, and a unit not sold as a sponsorship, naming the unit', async () => {
      const [a] = await units(1);
      const elsewhere = await siteFollowed(agency, `${agency.slug}-c`);
      const other = await bookableUnit(agency, elsewhere, `to-far-${++serial}`);
      const plain = await agency.api.post<AdUnitView>(
        '/v1/advertising/ad-units',
        unitBody(siteId, `to-plain-${++serial}`, 10_000, false),
      );
      const { advertiser } = await advertiserWithKey(agency, api, 'Careful');
      const flight = { advertiserId: advertiser.id, flightStart: dayFromToday(3), flightEnd: dayFromToday(3) };
      const twoSites = await takeover(agency.api, { ...flight, adUnitIds: [a.id, other.id] });
      expect([twoSites.status, fieldsOf(twoSites.body)]).toEqual([400, ['adUnitIds[1]']]);
      const notSponsorship = await takeover(agency.api, { ...flight, adUnitIds: [a.id, plain.body.id] });
      expect([notSponsorship.status, fieldsOf(notSponsorship.body)]).toEqual([400, ['adUnitIds[1]']]);
      expect((notSponsorship.body as unknown as Problem).errors![0].message).toContain('exclusive sponsorship');
      expect(await stored([a, other])).toEqual([]);
    });
  });

  describe('a takeover through its lifecycle', () => {
    it('is submitted only with a creative on every unit, approved only with an approved one, and invoiced and served as one roadblock', async () => {
      const [a, b] = await units(2);
      const { advertiser, client } = await advertiserWithKey(agency, api, 'Hãng xe');
      const order = (
        await takeover(client, {
          pageId: (await page([a, b])).id,
          flightStart: dayFromToday(3),
          flightEnd: dayFromToday(3),
        })
      ).body;
      const path = `/v1/advertising/orders/${order.id}`;
      const [lineA, lineB] = order.lines;
      const bare = await client.post(`${path}/submit`, {});
      expect(bare.status).toBe(409);
      expect((bare.body as unknown as Problem).detail).toContain(`${a.code}, ${b.code}`);
      const approvedA = await creative(advertiser.id, true);
      await agency.api.post(`/v1/advertising/creatives/${approvedA.id}/attachments`, { orderLineId: lineA.id });
      expect((await client.post(`${path}/submit`, {})).status).toBe(409);
      const pendingB = await creative(advertiser.id, false);
      await agency.api.post(`/v1/advertising/creatives/${pendingB.id}/attachments`, { orderLineId: lineB.id });
      expect((await client.post(`${path}/submit`, {})).status).toBe(200);
      const early = await agency.api.post(`${path}/approve`, {});
      expect(early.status).toBe(409);
      expect((early.body as unknown as Problem).detail).toContain(`ad unit ${b.code} has no approved creative`);
      expect(
        (await agency.api.send('POST', `/v1/advertising/creatives/${pendingB.id}/approve`, undefined)).status,
      ).toBe(200);
      expect((await agency.api.post(`${path}/approve`, {})).status).toBe(200);
      const { rows: invoiced } = await db.query(
        `SELECT envelope->'data' AS data FROM advertising.outbox
         WHERE subject = 'evt.advertising.booking.invoiced.v1' AND envelope->'data'->>'bookingId' = ANY($1::text[])`,
        [[lineA.id, lineB.id]],
      );
      expect(
        invoiced.map((row: { data: Record<string, unknown> }) => [
          row.data.pricingModel,
          row.data.roadblockId,
          row.data.amount,
        ]),
      ).toEqual([
        ['sponsorship', order.takeover!.roadblockId, '33000000'],
        ['sponsorship', order.takeover!.roadblockId, '33000000'],
      ]);
      const { rows: serving } = await db.query(
        `SELECT envelope->'data' AS data FROM advertising.outbox
         WHERE subject = 'evt.advertising.order-serving.changed.v1' AND envelope->>'subject' = $1 ORDER BY seq DESC LIMIT 1`,
        [order.id],
      );
      const served = serving[0].data as { status: string; lines: { roadblockId: string; creatives: unknown[] }[] };
      expect(served.status).toBe('approved');
      expect(served.lines.map((line) => [line.roadblockId, line.creatives.length])).toEqual([
        [order.takeover!.roadblockId, 1],
        [order.takeover!.roadblockId, 1],
      ]);
    });
  });

  describe('concurrency', () => {
    it('never lets two advertisers racing for overlapping takeovers and a sponsorship both win, across two instances', async () => {
      await suite.startInstance('advertising');
      const [u1, u2, u3] = await units(3);
      const left = await page([u1, u2]);
      const right = await page([u2, u3]);
      const [x, y, z] = await Promise.all(['X', 'Y', 'Z'].map((n) => advertiserWithKey(agency, api, `Racer ${n}`)));
      // every attempt wants u2 on the contested day: exactly one may have it
      const contested = dayFromToday(4);
      const attempts = [
        ...Array.from({ length: 10 }, () =>
          takeover(x.client, { pageId: left.id, flightStart: dayFromToday(3), flightEnd: contested }),
        ),
        ...Array.from({ length: 10 }, () =>
          takeover(y.client, { pageId: right.id, flightStart: contested, flightEnd: dayFromToday(5) }),
        ),
        ...Array.from({ length: 10 }, () =>
          placeOrder(z.client, {
            lines: [{ adUnitId: u2.id, pricingModel: 'sponsorship', flightStart: contested, flightEnd: contested }],
          }),
        ),
      ];
      const answers = await Promise.all(attempts);
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
      const winner = answers.find((answer) => answer.status === 201)!.body;
      for (const refused of answers.filter((answer) => answer.status === 409))
        expect((refused.body as unknown as Problem).detail).toContain(contested);
      // what is held is exactly the winner's lines, each unit-day once
      const { rows } = await db.query(
        `SELECT d.ad_unit_id, d.day::text AS day, count(*)::int AS n FROM advertising.order_line_days d
         WHERE d.ad_unit_id = ANY($1::uuid[]) GROUP BY d.ad_unit_id, d.day`,
        [[u1.id, u2.id, u3.id]],
      );
      expect((rows as { n: number }[]).every((row) => row.n === 1)).toBe(true);
      const won = winner.lines.flatMap((line) =>
        [3, 4, 5]
          .map(dayFromToday)
          .filter((day) => line.flightStart <= day && day <= line.flightEnd)
          .map((day) => `${[u1, u2, u3].find((u) => u.id === line.adUnitId)!.code} ${day} sold 0 held 10000 owned`),
      );
      expect((await stored([u1, u2, u3])).filter((row) => !row.endsWith('held 0'))).toEqual(won.sort());
    });
  });
});
