import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { parseSigningKeys, ReaderTokens, SignedTokens } from '@libs/common';
import { eventually, pngOf } from '@libs/testing';
import type {
  AdDecisionAnswer,
  AdUnitView,
  CreativeView,
  EntitlementChangedEvent,
  EventEnvelope,
  OrderServingChangedEvent,
  OrderView,
  ServedLine,
} from '@libs/contracts';
import { PacingSchedule } from '../apps/advertising/src/decisions/pacing.schedule';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import { advertiserWithKey, bookableUnit, dayFromToday, placeOrder, siteFollowed } from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

interface Problem {
  errors?: { field: string; message: string }[];
}
const fieldsOf = (problem: Problem) => [...new Set((problem.errors ?? []).map((e) => e.field))];

const DAY = 86_400_000;
const PAYWALL_TOKEN_KEYS = `k1:${randomBytes(32).toString('base64')}`;

/**
 * What ad ops set on lines, units and sites, and what readers bring, as pages see it: frequency
 * caps carried in the cap token, country targeting from the CDN's header, priorities, takeovers,
 * ad-free readers and subscribers (from subscriptions' entitlement events, kept across a restart),
 * house ads and passbacks, and pacing stopping a line at its goal from beacons' delivered counts.
 */
describe('ad decisions: delivery settings and readers', () => {
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let db: Client;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let siteKey: string;
  const readerTokens = new ReaderTokens(new SignedTokens(parseSigningKeys(PAYWALL_TOKEN_KEYS)));

  const ads = () => new Api(suite.instances('advertising')[0].get(PublicAdServer).url);
  /** The whole answer for a page of these units. */
  async function decide(
    units: string[],
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<AdDecisionAnswer> {
    const query = new URLSearchParams({ siteKey, units: units.join(','), ...fields });
    const answer = await ads().get<AdDecisionAnswer>(`/v1/ads/decisions?${query}`, headers);
    if (answer.status !== 200) throw new Error(`decision answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  /** What each unit shows: a line's id, `house:<creative>`, `passback`, or null. */
  const shown = (answer: AdDecisionAnswer) =>
    answer.units.map((u) =>
      u.fill === 'line'
        ? u.ad!.lineId
        : u.fill === 'house'
          ? `house:${u.ad!.creativeId}`
          : u.fill === 'passback'
            ? 'passback'
            : null,
    );

  let serial = 0;
  /** A unit with one live cpm line of a new advertiser, its creative approved and attached. */
  async function booked(
    options: { unit?: AdUnitView; targeting?: Record<string, unknown>; seenWith?: Record<string, string> } = {},
  ): Promise<{ unit: AdUnitView; order: OrderView; lineId: string; creative: CreativeView }> {
    const n = ++serial;
    const unit = options.unit ?? (await bookableUnit(agency, siteId, `delivery-${n}`));
    const { advertiser } = await advertiserWithKey(agency, api, `Delivery ${n}`, {
      category: `cat-${n}`,
      // on invoice terms: the order serves on the clock, as a prepaid one would once paid
      paymentTerms: 'invoice',
    });
    const placed = await placeOrder(agency.api, {
      advertiserId: advertiser.id,
      lines: [
        {
          adUnitId: unit.id,
          pricingModel: 'cpm',
          flightStart: dayFromToday(0),
          flightEnd: dayFromToday(5),
          impressionsPerDay: 1000,
          ...(options.targeting && { targeting: options.targeting }),
        },
      ],
    });
    expect(placed.status).toBe(201);
    const id = placed.body.id;
    expect((await agency.api.post(`/v1/advertising/orders/${id}/submit`, {})).status).toBe(200);
    expect((await agency.api.post(`/v1/advertising/orders/${id}/approve`, {})).status).toBe(200);
    const creative = await approvedCreative(advertiser.id, n);
    const lineId = placed.body.lines[0].id;
    expect(
      (await agency.api.post(`/v1/advertising/creatives/${creative.id}/attachments`, { orderLineId: lineId })).status,
    ).toBe(200);
    await suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
    const order = await agency.api.get<OrderView>(`/v1/advertising/orders/${id}`);
    await eventually(async () =>
      expect(shown(await decide([unit.code], { section: 'the-thao' }, options.seenWith))).toEqual([lineId]),
    );
    return { unit, order: order.body, lineId, creative };
  }

  async function approvedCreative(advertiserId: string, n: number): Promise<CreativeView> {
    const creative = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
      advertiserId,
      name: `Banner ${n}`,
      kind: 'image',
      size: '300x250',
      clickUrl: `https://brand-${n}.example.vn/`,
      contentBase64: pngOf(300, 250, 20_000).toString('base64'),
    });
    expect(creative.status).toBe(201);
    expect(
      (await agency.api.send('POST', `/v1/advertising/creatives/${creative.body.id}/approve`, undefined)).status,
    ).toBe(200);
    return creative.body;
  }

  const changeLine = (order: OrderView, lineId: string, body: Record<string, unknown>) =>
    agency.api.patch<OrderView & Problem>(`/v1/advertising/orders/${order.id}/lines/${lineId}`, body);

  function entitle(readerKey: string, version: number, grants: { key: string; until: number }[]): Promise<void> {
    const envelope: EventEnvelope<EntitlementChangedEvent> = {
      id: randomUUID(),
      type: 'evt.subscriptions.entitlement.changed.v1',
      source: 'subscriptions',
      tenantId: agency.tenantId,
      time: new Date().toISOString(),
      subject: readerKey,
      dataVersion: '1',
      data: {
        readerKey,
        readerId: readerKey.replace(/^reader:/, ''),
        email: null,
        version,
        entitlements: grants.map(({ key, until }) => ({
          key,
          until: new Date(until).toISOString(),
          source: 'subscription',
          sourceId: randomUUID(),
          reason: 'active',
        })),
      },
    };
    return probe.publish(envelope);
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising'], { PAYWALL_TOKEN_KEYS, ADVERTISING_TRAFFIC_FLUSH_S: '1' });
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  it('caps a line per reader with the cap token the answers carry; a page without it, or with a forged one, starts afresh', async () => {
    const { unit, order, lineId } = await booked();
    const changed = await changeLine(order, lineId, { frequencyCap: { impressions: 2, hours: 24 }, priority: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body.lines[0].delivery).toEqual({
      priority: 3,
      frequencyCap: { impressions: 2, hours: 24 },
      pacing: 'even',
    });
    let first!: AdDecisionAnswer;
    await eventually(async () => {
      first = await decide([unit.code]);
      expect(first.capToken).not.toBeNull();
    });
    expect(shown(first)).toEqual([lineId]);
    const second = await decide([unit.code], { cap: first.capToken! });
    expect(shown(second)).toEqual([lineId]);
    const third = await decide([unit.code], { cap: second.capToken! });
    expect(shown(third)).toEqual([null]);
    expect(third.capToken).toBeNull();
    expect(shown(await decide([unit.code]))).toEqual([lineId]);
    const [payload, keyId, mac] = second.capToken!.split('.');
    const forged = `${payload.slice(0, -2)}${payload.endsWith('AA') ? 'AB' : 'AA'}.${keyId}.${mac}`;
    expect(shown(await decide([unit.code], { cap: forged }))).toEqual([lineId]);
    // ad ops lift the cap: the reader who had seen it enough sees it again
    expect((await changeLine(order, lineId, { frequencyCap: null })).status).toBe(200);
    await eventually(async () => expect(shown(await decide([unit.code], { cap: second.capToken! }))).toEqual([lineId]));
  });

  it('refuses bad line settings naming the field, and changes nothing', async () => {
    const { order, lineId } = await booked();
    for (const [body, field] of [
      [{ frequencyCap: { impressions: 0, hours: 24 } }, 'frequencyCap.impressions'],
      [{ frequencyCap: { impressions: 3 } }, 'frequencyCap.hours'],
      [{ priority: 0 }, 'priority'],
      [{ pacing: 'whenever' }, 'pacing'],
      [{ targeting: { countries: ['vietnam'] } }, 'targeting.countries'],
      [{ targeting: { hours: [24] } }, 'targeting.hours'],
    ] as const) {
      const refused = await changeLine(order, lineId, body);
      expect([field, refused.status, fieldsOf(refused.body)]).toEqual([field, 400, [field]]);
    }
    const unknownLine = await changeLine(order, randomUUID(), { priority: 1 });
    expect(unknownLine.status).toBe(404);
    const after = await agency.api.get<OrderView>(`/v1/advertising/orders/${order.id}`);
    expect(after.body.lines[0].delivery).toEqual({ priority: null, frequencyCap: null, pacing: 'even' });
  });

  it('serves a country-targeted line only to readers the CDN places in its countries', async () => {
    const { unit, lineId } = await booked({ targeting: { countries: ['VN'] }, seenWith: { 'cf-ipcountry': 'VN' } });
    expect(shown(await decide([unit.code], {}, { 'cf-ipcountry': 'VN' }))).toEqual([lineId]);
    expect(shown(await decide([unit.code], {}, { 'cf-ipcountry': 'TH' }))).toEqual([null]);
    expect(shown(await decide([unit.code], {}, { 'cf-ipcountry': 'XX' }))).toEqual([null]);
    expect(shown(await decide([unit.code]))).toEqual([null]);
  });

  it('serves the line ad ops put first on a unit', async () => {
    const first = await booked();
    const second = await booked({ unit: first.unit });
    expect((await changeLine(second.order, second.lineId, { priority: 1 })).status).toBe(200);
    await eventually(async () => {
      for (let i = 0; i < 5; i++) expect(shown(await decide([first.unit.code]))).toEqual([second.lineId]);
    });
  });

  it('fills every unit of a takeover on a page together, or none of them', async () => {
    const [top, side] = [await booked(), await booked()];
    const roadblockId = randomUUID();
    const line = (unit: AdUnitView, targeting: Record<string, unknown>): ServedLine => ({
      lineId: randomUUID(),
      adUnitId: unit.id,
      siteId,
      unitCode: unit.code,
      unitSizes: unit.sizes,
      pricingModel: 'cpd',
      flightStart: dayFromToday(0),
      flightEnd: dayFromToday(1),
      impressionsPerDay: 10_000,
      targeting,
      roadblockId,
      creatives: [
        {
          creativeId: randomUUID(),
          kind: 'image',
          size: '300x250',
          clickUrl: 'https://takeover.example.vn/',
          headline: null,
          label: null,
          tag: null,
          sha256: 'ab',
          contentType: 'image/png',
        },
      ],
    });
    const takeover: OrderServingChangedEvent = {
      orderId: randomUUID(),
      advertiserId: randomUUID(),
      category: 'takeover',
      status: 'live',
      version: 1,
      lines: [line(top.unit, {}), line(side.unit, { sections: ['kinh-te'] })],
    };
    await probe.publish({
      id: randomUUID(),
      type: 'evt.advertising.order-serving.changed.v1',
      source: 'advertising',
      tenantId: agency.tenantId,
      time: new Date().toISOString(),
      subject: takeover.orderId,
      dataVersion: '1',
      data: takeover,
    });
    const [topLine, sideLine] = takeover.lines.map((l) => l.lineId);
    const units = [top.unit.code, side.unit.code];
    await eventually(async () =>
      expect(shown(await decide(units, { section: 'kinh-te' }))).toEqual([topLine, sideLine]),
    );
    // where one of its lines may not serve (another section), none of them does
    expect(shown(await decide(units, { section: 'the-thao' }))).toEqual([top.lineId, side.lineId]);
    // a page with only one of its units gets the takeover there
    expect(shown(await decide([top.unit.code], { section: 'the-thao' }))).toEqual([topLine]);
  });

  it('spares an ad-free reader every ad once subscriptions says so, and after a restart; a subscriber sees the first units only', async () => {
    const [a, b] = [await booked(), await booked()];
    const units = [a.unit.code, b.unit.code];
    const token = (readerKey: string) => readerTokens.issue(agency.tenantId, readerKey, new Date(Date.now() + DAY));
    const adFree = token('reader:khong-quang-cao');
    const subscriber = token('reader:thue-bao');
    const lapsed = token('reader:het-han');
    expect(shown(await decide(units, { reader: adFree }))).toEqual([a.lineId, b.lineId]);
    // in this order: once the last applies, memory has the others (one stream, in order)
    await entitle('reader:het-han', 1, [{ key: 'ad-free', until: Date.now() - DAY }]);
    await entitle('reader:thue-bao', 1, [{ key: 'premium-articles', until: Date.now() + 30 * DAY }]);
    await entitle('reader:khong-quang-cao', 1, [{ key: 'ad-free', until: Date.now() + 30 * DAY }]);
    await eventually(async () =>
      expect((await decide(units, { reader: adFree })).units.map((u) => u.fill)).toEqual(['none', 'none']),
    );
    // an entitlement that has ended spares nothing
    expect(shown(await decide(units, { reader: lapsed }))).toEqual([a.lineId, b.lineId]);
    // the site lets subscribers see ads in its first unit only
    const settings = await agency.api.put(`/v1/advertising/sites/${siteId}/ad-settings`, { subscriberMaxUnits: 1 });
    expect(settings.status).toBe(200);
    await eventually(async () => expect(shown(await decide(units, { reader: subscriber }))).toEqual([a.lineId, null]));
    expect(shown(await decide(units))).toEqual([a.lineId, b.lineId]);
    expect(
      (await agency.api.put(`/v1/advertising/sites/${siteId}/ad-settings`, { subscriberMaxUnits: 99 })).status,
    ).toBe(400);
    // a new instance starts from advertising's copy of readers and sites
    await suite.stopService('advertising');
    await suite.startInstance('advertising');
    await eventually(async () =>
      expect((await decide(units, { reader: adFree })).units.map((u) => u.fill)).toEqual(['none', 'none']),
    );
    expect(shown(await decide(units, { reader: subscriber }))).toEqual([a.lineId, null]);
    expect(
      (await agency.api.put(`/v1/advertising/sites/${siteId}/ad-settings`, { subscriberMaxUnits: null })).status,
    ).toBe(200);
  });

  it("shows a unit's house ad when no sold line wins, else its passback tag; refuses a passback over http", async () => {
    const unit = await bookableUnit(agency, siteId, 'house-unit');
    const { advertiser } = await advertiserWithKey(agency, api, 'Báo nhà', { category: 'house' });
    const house = await approvedCreative(advertiser.id, 900);
    const passbackTag = '<script src="https://network.example.vn/passback.js"></script>';
    const set = await agency.api.patch<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`, {
      houseCreativeIds: [house.id],
      passbackTag,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ houseCreativeIds: [house.id], passbackTag });
    await eventually(async () => expect(shown(await decide([unit.code]))).toEqual([`house:${house.id}`]));
    // the house creative edited goes back to review and stops serving: the passback tag fills the unit
    expect((await agency.api.patch(`/v1/advertising/creatives/${house.id}`, { name: 'Tết promo v2' })).status).toBe(
      200,
    );
    await eventually(async () => {
      const answer = await decide([unit.code]);
      expect(answer.units[0]).toMatchObject({ fill: 'passback', passback: passbackTag, ad: null });
    });
    for (const [body, field] of [
      [{ passbackTag: '<script src="http://network.example.vn/x.js"></script>' }, 'passbackTag'],
      [{ houseCreativeIds: [randomUUID()] }, 'houseCreativeIds[0]'],
    ] as const) {
      const refused = await agency.api.patch<Problem>(`/v1/advertising/ad-units/${unit.id}`, body);
      expect([field, refused.status, fieldsOf(refused.body)]).toEqual([field, 400, [field]]);
    }
    expect((await agency.api.get<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`)).body.passbackTag).toBe(
      passbackTag,
    );
  });

  it("counts pages per site and hour into the site's history, and stops a line at its goal from beacons' counts", async () => {
    const { unit, order, lineId } = await booked();
    await decide([unit.code]);
    await eventually(async () => {
      const { rows } = await db.query<{ pages: string }>(
        `SELECT sum(pages)::text AS pages FROM advertising.site_traffic_hours WHERE site_id = $1`,
        [siteId],
      );
      expect(Number(rows[0].pages)).toBeGreaterThan(0);
    });
    // beacons counted the line's whole goal (6 days of 1000): pacing's next look stops it
    await db.query(
      `INSERT INTO advertising.delivery_hours (line_id, ad_unit_id, day, hour, tenant_id, order_id, impressions)
       VALUES ($1, $2, $3, 10, $4, $5, 6000)`,
      [lineId, unit.id, dayFromToday(0), agency.tenantId, order.id],
    );
    await suite.instances('advertising')[0].get(PacingSchedule).look();
    expect(shown(await decide([unit.code]))).toEqual([null]);
  });
});
