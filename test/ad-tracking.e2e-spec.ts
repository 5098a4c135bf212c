import { Client } from 'pg';
import { parseSigningKeys, SignedTokens } from '@libs/common';
import { BeaconTokens } from '../apps/advertising/src/beacons/beacon-tokens';
import { AdvertisingEnv } from '../apps/advertising/src/config/advertising.config';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { siteFollowed } from './support/ad-booking-fixtures';
import { decide, liveAd, LiveAd } from './support/ad-serving-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** A reader's address, as the suite's (trusted, loopback) ingress forwards it. */
const READER = { 'user-agent': CHROME, 'x-forwarded-for': '113.161.10.20' };

describe('ad tracking beacons', () => {
  let suite: TestSuite;
  let db: Client;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let siteKey: string;
  let origin: string;
  let ad: LiveAd;
  let beacons: BeaconTokens;

  /** Sends a beacon URL (path-absolute, as a decision gives it) to an instance's public server. */
  const send = (url: string, headers: Record<string, string> = READER, method = 'GET', at = origin) =>
    fetch(`${at}${url}`, { method, headers, redirect: 'manual' });
  const tokenOf = (url: string) => new URL(url, origin).searchParams.get('b')!;
  const beaconIdOf = (url: string) => beacons.open(tokenOf(url))!.beaconId;
  const stored = async (beaconIds: string[]) =>
    (
      await db.query<{ beacon_id: string; kind: string; article_id: string; line_id: string; ad_unit_id: string }>(
        `SELECT beacon_id, kind, article_id, line_id, ad_unit_id FROM advertising.ad_events
         WHERE beacon_id = ANY($1::uuid[]) ORDER BY beacon_id, kind`,
        [beaconIds],
      )
    ).rows;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising'], {
      // the suite's requests come from loopback, the ingress that names the client
      TRUSTED_PROXIES: '127.0.0.1/32, ::1/128',
      ADVERTISING_DATA_CENTRE_NETWORKS: 'builtin, 198.51.100.0/24',
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
    origin = suite.instances('advertising')[0].get(PublicAdServer).url;
    ad = await liveAd(suite, agency, api, siteId, origin, siteKey);
    const env = suite.envOf('advertising') as AdvertisingEnv;
    beacons = new BeaconTokens(new SignedTokens(parseSigningKeys(env.ADVERTISING_TOKEN_KEYS)));
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('gives each ad served signed impression, viewable and click URLs of its own beacon, naming what was served', async () => {
    const [first, second] = [
      await decide(origin, siteKey, ad.unitCode, 'thoi-su/bai-1'),
      await decide(origin, siteKey, ad.unitCode),
    ];
    expect(first.impressionUrl).toMatch(/^\/v1\/ads\/events\/impression\?b=[\w-]+\.k1\.[\w-]+$/);
    expect(first.viewableUrl).toBe(first.impressionUrl.replace('/impression?', '/viewable?'));
    expect(first.clickThroughUrl).toBe(
      `${first.impressionUrl.replace('/impression?', '/click?')}&to=${encodeURIComponent(ad.creative.clickUrl!)}`,
    );
    expect(tokenOf(second.impressionUrl)).not.toBe(tokenOf(first.impressionUrl));
    expect(beacons.open(tokenOf(first.impressionUrl))).toMatchObject({
      tenantId: agency.tenantId,
      siteId,
      orderId: ad.order.id,
      lineId: ad.order.lines[0].id,
      adUnitId: ad.unitId,
      creativeId: ad.creative.id,
      articleId: 'thoi-su/bai-1',
    });
  });

  it('counts an impression, a viewable impression and a click once each, however often they come, and redirects every click', async () => {
    const served = await decide(origin, siteKey, ad.unitCode, 'kinh-te/bai-2');
    for (const method of ['GET', 'GET', 'POST'])
      expect((await send(served.impressionUrl, READER, method)).status).toBe(204);
    for (let i = 0; i < 2; i++) expect((await send(served.viewableUrl)).status).toBe(204);
    for (let i = 0; i < 3; i++) {
      const click = await send(served.clickThroughUrl!);
      expect([click.status, click.headers.get('location')]).toEqual([302, ad.creative.clickUrl]);
    }
    const beaconId = beaconIdOf(served.impressionUrl);
    expect(await stored([beaconId])).toEqual(
      ['click', 'impression', 'viewable'].map((kind) => ({
        beacon_id: beaconId,
        kind,
        article_id: 'kinh-te/bai-2',
        line_id: ad.order.lines[0].id,
        ad_unit_id: ad.unitId,
      })),
    );
    const counters = await db.query<{ impressions: string; viewables: string; clicks: string }>(
      `SELECT sum(impressions)::text AS impressions, sum(viewables)::text AS viewables, sum(clicks)::text AS clicks
       FROM advertising.delivery_hours WHERE line_id = $1 AND article_id = 'kinh-te/bai-2'`,
      [ad.order.lines[0].id],
    );
    expect(counters.rows[0]).toEqual({ impressions: '1', viewables: '1', clicks: '1' });
  });

  it('refuses forged, tampered and expired beacons and a click to another page, storing nothing', async () => {
    const served = await decide(origin, siteKey, ad.unitCode);
    const token = tokenOf(served.impressionUrl);
    const [payload, keyId, mac] = token.split('.');
    const bytes = Buffer.from(payload, 'base64url');
    bytes[80] ^= 1; // another line
    const tampered = `${bytes.toString('base64url')}.${keyId}.${mac}`;
    const otherKey = new SignedTokens(parseSigningKeys('k1:' + Buffer.alloc(32, 9).toString('base64')));
    const foreign = otherKey.seal('ad-beacon', Buffer.from(payload, 'base64url'));
    const fields = beacons.open(token)!;
    const expired = beacons.issue(
      BeaconTokens.placementOf({ ...fields, clickUrl: ad.creative.clickUrl }),
      Date.now() - 25 * 3_600_000,
      '',
    );
    for (const [url, status, slug] of [
      [`/v1/ads/events/impression?b=${tampered}`, 403, 'forbidden'],
      [`/v1/ads/events/viewable?b=${foreign}`, 403, 'forbidden'],
      [`/v1/ads/events/impression?b=not-a-beacon`, 403, 'forbidden'],
      [`/v1/ads/events/impression?b=${expired.token}`, 403, 'beacon-expired'],
      [`/v1/ads/events/impression`, 400, 'validation-failed'],
      [`${served.impressionUrl}&cb=123`, 400, 'validation-failed'],
      [
        `${served.clickThroughUrl!.split('&to=')[0]}&to=${encodeURIComponent('https://evil.example/')}`,
        400,
        'validation-failed',
      ],
      [`/v1/ads/events/conversion?b=${token}`, 404, 'not-found'],
    ] as const) {
      const answer = await send(url);
      const body = (await answer.json()) as { type: string; errors?: { field: string }[] };
      expect([url, answer.status, body.type, answer.headers.get('location')]).toEqual([
        url,
        status,
        `https://revenue-suite.dev/problems/${slug}`,
        null,
      ]);
    }
    const withBody = await fetch(`${origin}${served.viewableUrl}`, { method: 'POST', headers: READER, body: 'x' });
    expect([withBody.status, ((await withBody.json()) as { errors: { field: string }[] }).errors]).toEqual([
      400,
      [{ field: 'body', message: 'must be empty: the beacon is in the URL' }],
    ]);
    expect((await send(served.impressionUrl, READER, 'PUT')).status).toBe(405);
    // an expired click still takes the reader where the ad promised, and is not counted
    const expiredClick = await send(
      `/v1/ads/events/click?b=${expired.token}&to=${encodeURIComponent(ad.creative.clickUrl!)}`,
    );
    expect([expiredClick.status, expiredClick.headers.get('location')]).toEqual([302, ad.creative.clickUrl]);
    expect(await stored([fields.beaconId, expired.beaconId])).toEqual([]);
  });

  it('answers bots, headless browsers, prefetches, previews and data centres alike, and counts none of them', async () => {
    const visitors: Record<string, string>[] = [
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      {
        'user-agent':
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      },
      { ...READER, 'sec-purpose': 'prefetch;prerender' },
      { ...READER, purpose: 'prefetch' },
      { ...READER, 'x-purpose': 'preview' },
      { 'user-agent': CHROME, 'x-forwarded-for': '34.200.1.2' },
      { 'user-agent': CHROME, 'x-forwarded-for': '198.51.100.7' },
      { 'user-agent': '' },
    ];
    const ids: string[] = [];
    for (const headers of visitors) {
      const served = await decide(origin, siteKey, ad.unitCode);
      ids.push(beaconIdOf(served.impressionUrl));
      expect((await send(served.impressionUrl, headers)).status).toBe(204);
      const click = await send(served.clickThroughUrl!, headers);
      expect([click.status, click.headers.get('location')]).toEqual([302, ad.creative.clickUrl]);
    }
    expect(await stored(ids)).toEqual([]);
    const metrics = await (await fetch(`${await suite.instances('advertising')[0].getUrl()}/metrics`)).text();
    for (const [reason, count] of [
      ['bot', 4],
      ['prefetch', 4],
      ['preview', 2],
      ['data-centre', 4],
      ['no-user-agent', 2],
    ] as const)
      expect(metrics).toContain(
        `advertising_beacons_filtered_total{reason="${reason}",service="advertising"} ${count}`,
      );
  });

  it('counts a beacon that reaches two instances at once once, and keeps counters equal to the raw events', async () => {
    const second = await suite.startInstance('advertising');
    const other = second.get(PublicAdServer).url;
    const served = await Promise.all(Array.from({ length: 20 }, () => decide(origin, siteKey, ad.unitCode)));
    const answers = await Promise.all(
      served.flatMap((s) =>
        [s.impressionUrl, s.viewableUrl].flatMap((url) => [
          send(url, READER, 'GET', origin),
          send(url, READER, 'POST', other),
        ]),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 204));
    const rows = await stored(served.map((s) => beaconIdOf(s.impressionUrl)));
    expect(rows).toHaveLength(40);
    await suite.stopInstance('advertising', second);
    const { rows: mismatches } = await db.query(
      `WITH raw AS (
         SELECT line_id, ad_unit_id, article_id, day, hour, count(*) FILTER (WHERE kind = 'impression') AS impressions,
                count(*) FILTER (WHERE kind = 'viewable') AS viewables, count(*) FILTER (WHERE kind = 'click') AS clicks
         FROM advertising.ad_events GROUP BY line_id, ad_unit_id, article_id, day, hour)
       SELECT * FROM raw FULL JOIN advertising.delivery_hours d USING (line_id, ad_unit_id, article_id, day, hour)
       WHERE raw.impressions IS DISTINCT FROM d.impressions OR raw.viewables IS DISTINCT FROM d.viewables
          OR raw.clicks IS DISTINCT FROM d.clicks`,
    );
    expect(mismatches).toEqual([]);
    const { rows: totals } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM advertising.ad_events`);
    expect(totals[0].n).toBeGreaterThanOrEqual(43);
  });
});
