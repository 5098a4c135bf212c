import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { eventually, pngOf, zipOf } from '@libs/testing';
import type { AdDecisionAnswer, CreativeView, OrderView } from '@libs/contracts';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import { advertiserWithKey, bookableUnit, dayFromToday, placeOrder, siteFollowed } from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

/** The public base URL the suite configures (ADVERTISING_PUBLIC_BASE_URL): files are read at the instance's own URL. */
const PUBLIC_BASE = 'https://ads.example.test';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('creative files on the public port', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let db: Client;
  let siteId: string;
  let siteKey: string;
  let filesAt: string;

  /** A request with its path exactly as written (fetch would resolve `..` before sending). */
  function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
    const url = new URL(filesAt);
    return new Promise((resolve, reject) => {
      const call = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      call.on('error', reject);
      call.end();
    });
  }

  async function creative(body: Record<string, unknown>, approve = true): Promise<CreativeView> {
    const made = await agency.api.post<CreativeView>('/v1/advertising/creatives', body);
    expect(made.status).toBe(201);
    if (approve)
      expect(
        (await agency.api.send('POST', `/v1/advertising/creatives/${made.body.id}/approve`, undefined)).status,
      ).toBe(200);
    return made.body;
  }

  const html = Buffer.from(
    '<!doctype html><html><head><script src="js/main.js"></script></head><body>Tết</body></html>',
  );
  const script = Buffer.from('document.body.dataset.ready = "1";');
  let advertiserId: string;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
    filesAt = suite.instances('advertising')[0].get(PublicAdServer).url;
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    // on invoice terms: the order serves on the clock, as a prepaid one would once paid
    advertiserId = (await advertiserWithKey(agency, api, 'Hãng sữa', { paymentTerms: 'invoice' })).advertiser.id;
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it("answers a served image's absolute contentUrl, and serves its bytes there, immutable and sandboxed", async () => {
    const unit = await bookableUnit(agency, siteId, 'files-unit');
    const png = pngOf(300, 250, 7_001);
    const banner = await creative({
      advertiserId,
      name: 'Banner',
      kind: 'image',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/',
      contentBase64: png.toString('base64'),
    });
    const placed = await placeOrder(agency.api, {
      advertiserId,
      lines: [
        {
          adUnitId: unit.id,
          pricingModel: 'cpm',
          flightStart: dayFromToday(0),
          flightEnd: dayFromToday(2),
          impressionsPerDay: 100,
        },
      ],
    });
    const order = placed.body as OrderView;
    await agency.api.post(`/v1/advertising/orders/${order.id}/submit`, {});
    await agency.api.post(`/v1/advertising/orders/${order.id}/approve`, {});
    await agency.api.post(`/v1/advertising/creatives/${banner.id}/attachments`, { orderLineId: order.lines[0].id });
    await suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
    const sha256 = createHash('sha256').update(png).digest('hex');
    const ads = new Api(filesAt);
    await eventually(async () => {
      const answer = await ads.get<AdDecisionAnswer>(`/v1/ads/decisions?siteKey=${siteKey}&units=${unit.code}`);
      expect(answer.body.units[0].ad).toMatchObject({
        creativeId: banner.id,
        sha256,
        contentUrl: `${PUBLIC_BASE}/v1/ads/creatives/${sha256}`,
      });
    });
    const file = await raw('GET', `/v1/ads/creatives/${sha256}`);
    expect(file.status).toBe(200);
    expect(file.body.equals(png)).toBe(true);
    expect(file.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${sha256}"`,
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
    });
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.headers['content-security-policy']).toContain("default-src 'none'");
    const again = await raw('GET', `/v1/ads/creatives/${sha256}`, { 'if-none-match': `"${sha256}"` });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    const head = await raw('HEAD', `/v1/ads/creatives/${sha256}`);
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(png.length), 0]);
    // an image has no files under it
    expect((await raw('GET', `/v1/ads/creatives/${sha256}/index.html`)).status).toBe(404);
  });

  it("serves an approved HTML5 zip's files by their names in it, with their types, and nothing outside it", async () => {
    const zip = zipOf([
      { name: 'index.html', data: html, deflate: true },
      { name: 'js/', data: Buffer.alloc(0) },
      { name: 'js/main.js', data: script },
      { name: 'img/logo.png', data: pngOf(10, 10, 300) },
    ]);
    const ad = await creative({
      advertiserId,
      name: 'HTML5',
      kind: 'html5',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/',
      contentBase64: zip.toString('base64'),
    });
    const at = `/v1/ads/creatives/${ad.sha256}`;
    const entry = await raw('GET', `${at}/index.html`);
    expect([entry.status, entry.headers['content-type'], entry.body.toString()]).toEqual([
      200,
      'text/html; charset=utf-8',
      html.toString(),
    ]);
    const policy = String(entry.headers['content-security-policy']);
    expect(policy).toContain('sandbox allow-scripts');
    expect(policy).not.toContain('allow-same-origin');
    expect(policy).toContain("connect-src 'none'");
    expect(entry.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw('GET', `${at}/js/main.js`);
    expect([js.status, js.headers['content-type'], js.body.toString()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      script.toString(),
    ]);
    expect((await raw('GET', `${at}/img/logo.png`)).headers['content-type']).toBe('image/png');
    for (const path of [
      at,
      `${at}/`,
      `${at}/js/`,
      `${at}/js`,
      `${at}/missing.html`,
      `${at}/../${ad.sha256}/index.html`,
      `${at}/js/../index.html`,
      `${at}/%2e%2e/%2e%2e/etc/passwd`,
      `${at}/..%2f..%2fetc%2fpasswd`,
      `${at}/..%5cindex.html`,
      `${at}/index.html%00`,
      `${at}//index.html`,
      `/v1/ads/creatives/../decisions`,
    ]) {
      const refused = await raw('GET', path);
      expect([path, refused.status]).toEqual([path, 404]);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 404 for a digest no approved creative has, and 405 to anything but GET', async () => {
    const pending = await creative(
      {
        advertiserId,
        name: 'Pending',
        kind: 'image',
        size: '300x250',
        clickUrl: 'https://brand.example.vn/',
        contentBase64: pngOf(300, 250, 7_002).toString('base64'),
      },
      false,
    );
    expect((await raw('GET', `/v1/ads/creatives/${pending.sha256}`)).status).toBe(404);
    expect((await raw('GET', `/v1/ads/creatives/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await raw('GET', '/v1/ads/creatives/not-a-digest')).status).toBe(404);
    const posted = await raw('POST', `/v1/ads/creatives/${pending.sha256}`);
    expect([posted.status, posted.headers.allow]).toEqual([405, 'GET, HEAD']);
    // approved now: served, once the briefly remembered miss is forgotten (a new instance never asked)
    expect((await agency.api.send('POST', `/v1/advertising/creatives/${pending.id}/approve`, undefined)).status).toBe(
      200,
    );
    const other = await suite.startInstance('advertising');
    const url = new URL(other.get(PublicAdServer).url);
    const fresh = await fetch(`http://127.0.0.1:${url.port}/v1/ads/creatives/${pending.sha256}`);
    expect(fresh.status).toBe(200);
  });

  it('reads a file from the database once, then from memory', async () => {
    const png = pngOf(300, 250, 7_003);
    const kept = await creative({
      advertiserId,
      name: 'Kept',
      kind: 'image',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/',
      contentBase64: png.toString('base64'),
    });
    expect((await raw('GET', `/v1/ads/creatives/${kept.sha256}`)).status).toBe(200);
    // the row's bytes are gone: what answers now is what memory kept
    await db.query(`UPDATE advertising.creatives SET content = NULL WHERE id = $1`, [kept.id]);
    const fromMemory = await raw('GET', `/v1/ads/creatives/${kept.sha256}`);
    expect([fromMemory.status, fromMemory.body.equals(png)]).toEqual([200, true]);
  });
});
