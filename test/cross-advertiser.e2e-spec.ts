import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { pngOf } from '@libs/testing';
import { ACCESS_META } from '@libs/common';
import type { CreativeView, MakeGoodListResponse, OrderView } from '@libs/contracts';
import { DeliveryRecordsService } from '../apps/advertising/src/delivery-records/delivery-records.service';
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
import {
  AdvertiserObjects,
  AGENCY_WIDE_READS,
  CROSS_ADVERTISER_LISTS,
  CROSS_ADVERTISER_MATRIX,
  CROSS_ADVERTISER_QUERIES,
} from './support/cross-advertiser-matrix';
import { beaconLineOf, deliverBeacons } from './support/delivered-beacons';
import { TestSuite } from './support/test-suite';

/** Every gateway route as `METHOD /path/{param}`, with the roles it admits. */
async function gatewayRoutes(): Promise<{ route: string; roles: readonly string[] }[]> {
  const root = join(__dirname, '..', 'apps', 'gateway', 'src', 'routes');
  const routes: { route: string; roles: readonly string[] }[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.controller.ts'),
  )) {
    for (const controller of Object.values((await import(join(root, file))) as Record<string, unknown>)) {
      if (typeof controller !== 'function' || Reflect.getMetadata(PATH_METADATA, controller) === undefined) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller));
      const proto = controller.prototype as Record<string, object>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = Reflect.getMetadata(METHOD_METADATA, proto[name]) as RequestMethod | undefined;
        if (name === 'constructor' || method === undefined) continue;
        const path = [base, String(Reflect.getMetadata(PATH_METADATA, proto[name]) ?? '')]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')
          .replace(/:(\w+)/g, '{$1}');
        const rule = Reflect.getMetadata(ACCESS_META, proto[name]) as
          { roles?: readonly string[] } | string | undefined;
        routes.push({
          route: `${RequestMethod[method]} /${path}`,
          roles: typeof rule === 'object' ? (rule.roles ?? []) : [],
        });
      }
    }
  }
  return routes;
}

/** Three hours into an agency-local day (Asia/Ho_Chi_Minh): the day before has ended and settled. */
const during = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 3 * 3_600_000);

describe('cross-advertiser isolation: advertiser A never reaches B', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let db: Client;
  const mine = {} as AdvertiserObjects;
  const theirs = {} as AdvertiserObjects;
  let clientA: Api;

  /** An approved order with one line delivered short, a creative and the make-good the flight's end proposes. */
  async function seed(
    client: Api,
    advertiserId: string,
    unitId: string,
    siteId: string,
    into: AdvertiserObjects,
  ): Promise<void> {
    const day = dayFromToday(1);
    const placed = await placeOrder(client, { lines: [cpmLine(unitId, 100, day, day)] });
    expect(placed.status).toBe(201);
    await client.post(`/v1/advertising/orders/${placed.body.id}/submit`, {});
    const order = await agency.api.post<OrderView>(`/v1/advertising/orders/${placed.body.id}/approve`, {});
    expect(order.status).toBe(200);
    expect(order.body.invoiceId).toEqual(expect.any(String));
    await deliverBeacons(db, beaconLineOf(agency.tenantId, siteId, order.body), [
      { day, hour: 10, articleId: `bai-${advertiserId}`, impressions: 40, readers: [advertiserId] },
    ]);
    const creative = await client.post<CreativeView>('/v1/advertising/creatives', {
      name: 'Banner',
      kind: 'image',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/',
      contentBase64: pngOf(300, 250).toString('base64'),
    });
    expect(creative.status).toBe(201);
    Object.assign(into, {
      advertiserId,
      orderId: order.body.id,
      invoiceId: order.body.invoiceId!,
      lineId: order.body.lines[0].id,
      creativeId: creative.body.id,
      day,
    });
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    const siteId = await siteFollowed(agency, agency.slug);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    const unit = await bookableUnit(agency, siteId, 'shared-unit');
    const [a, b] = [
      await advertiserWithKey(agency, api, 'Advertiser A'),
      await advertiserWithKey(agency, api, 'Advertiser B'),
    ];
    clientA = a.client;
    await seed(a.client, a.advertiser.id, unit.id, siteId, mine);
    await seed(b.client, b.advertiser.id, unit.id, siteId, theirs);
    await suite
      .instances('advertising')[0]
      .get(DeliveryRecordsService)
      .recordDue(during(dayFromToday(2)));
    const makeGoods = await agency.api.get<MakeGoodListResponse>('/v1/advertising/make-goods');
    mine.makeGoodId = makeGoods.body.items.find((m) => m.lineId === mine.lineId)!.id;
    theirs.makeGoodId = makeGoods.body.items.find((m) => m.lineId === theirs.lineId)!.id;
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('covers every route admitting advertisers that takes an id, and every list they read', async () => {
    const forAdvertisers = (await gatewayRoutes()).filter((r) => r.roles.includes('advertiser')).map((r) => r.route);
    const covered = new Set(CROSS_ADVERTISER_MATRIX.map((c) => `${c.method} ${c.path}`));
    expect(forAdvertisers.filter((route) => route.includes('{') && !covered.has(route))).toEqual([]);
    const lists = new Set([...Object.keys(CROSS_ADVERTISER_LISTS), ...AGENCY_WIDE_READS].map((path) => `GET ${path}`));
    expect(
      forAdvertisers.filter((route) => route.startsWith('GET ') && !route.includes('{') && !lists.has(route)),
    ).toEqual([]);
  });

  it.each(CROSS_ADVERTISER_MATRIX.map((c) => [`${c.method} ${c.path}`, c.staffOnly ? 403 : 404, c] as const))(
    "answers advertiser A's %s with B's id with %s, and changes nothing of B's",
    async (_route, status, matrixCase) => {
      const fill = (template: string) => template.replace('{id}', matrixCase.idOf(theirs));
      const readPath = fill(matrixCase.readPath ?? matrixCase.path);
      const before = await agency.api.get(readPath);
      expect(before.status).toBe(200);
      const answer = await clientA.send(matrixCase.method, fill(matrixCase.path), matrixCase.body);
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect((await agency.api.get(readPath)).body).toEqual(before.body);
    },
  );

  it.each(CROSS_ADVERTISER_QUERIES.map((q) => [q.name, q] as const))('answers 404 to %s', async (_name, query) => {
    const answer = await clientA.get(query.pathOf(mine, theirs));
    expect(answer.status).toBe(404);
  });

  it.each(Object.entries(CROSS_ADVERTISER_LISTS))("lists A's own at %s and none of B's", async (_path, list) => {
    const answer = await clientA.get(list.pathOf(theirs));
    expect(answer.status).toBe(200);
    const ids = list.idsIn(answer.body);
    expect(ids).toContain(list.idOf(mine));
    expect(ids).not.toContain(list.idOf(theirs));
  });

  it("refuses A to attach A's creative to B's line, which keeps serving B's alone", async () => {
    const answer = await clientA.post(`/v1/advertising/creatives/${mine.creativeId}/attachments`, {
      orderLineId: theirs.lineId,
    });
    expect(answer.status).toBe(400);
    const creative = await agency.api.get<CreativeView>(`/v1/advertising/creatives/${mine.creativeId}`);
    expect(creative.body.orderLineIds).toEqual([]);
  });

  it("answers A's make-goods filtered by B's order with none", async () => {
    const answer = await clientA.get<MakeGoodListResponse>(`/v1/advertising/make-goods?orderId=${theirs.orderId}`);
    expect(answer.body.items).toEqual([]);
  });
});
