import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { eventually, gifOf, jpegOf, pngOf, webpOf, zipOf } from '@libs/testing';
import type { AdvertiserView, CreativeView, OrderView } from '@libs/contracts';
import {
  advertiserWithKey,
  bookableUnit,
  cpmLine,
  placeOrder,
  RATE_CARD,
  siteFollowed,
} from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

interface AuditItem {
  service: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  after: Record<string, unknown> | null;
}

const b64 = (bytes: Buffer) => bytes.toString('base64');
const html = Buffer.from('<!doctype html><html><body><a href="https://brand.example.vn">Mua ngay</a></body></html>');

describe('advertising creatives', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let db: Client;
  let advertiserA: AdvertiserView;
  let advertiserB: AdvertiserView;
  let clientA: Api;
  let clientB: Api;
  let order: OrderView;
  let siteId: string;

  const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.field);
  const storedCount = async () =>
    Number((await db.query('SELECT count(*)::int AS n FROM advertising.creatives')).rows[0].n as number);

  function image(overrides: Record<string, unknown> = {}) {
    return {
      name: 'Banner Tết',
      kind: 'image',
      size: '300x250',
      clickUrl: 'https://brand.example.vn/tet?utm_source=bao',
      contentBase64: b64(pngOf(300, 250, 20_000)),
      ...overrides,
    };
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    ({ advertiser: advertiserA, client: clientA } = await advertiserWithKey(agency, api, 'Ngân hàng A'));
    ({ advertiser: advertiserB, client: clientB } = await advertiserWithKey(agency, api, 'Hãng xe B'));
    const unit = await bookableUnit(agency, siteId, 'creative-sidebar');
    const placed = await placeOrder(clientA, { lines: [cpmLine(unit.id, 1000)] });
    expect(placed.status).toBe(201);
    order = placed.body;
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  describe('each kind', () => {
    it.each([
      ['a PNG', pngOf(300, 250, 150_000), 'image/png'],
      ['a GIF', gifOf(300, 250), 'image/gif'],
      ['a JPEG', jpegOf(300, 250), 'image/jpeg'],
      ['a WebP', webpOf(300, 250), 'image/webp'],
    ])(
      'stores %s image an advertiser uploads as its own, pending review, with its sha256',
      async (_what, bytes, type) => {
        const created = await clientA.post<CreativeView>(
          '/v1/advertising/creatives',
          image({ contentBase64: b64(bytes) }),
        );
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          advertiserId: advertiserA.id,
          kind: 'image',
          size: '300x250',
          format: 'fixed',
          status: 'pending-review',
          contentType: type,
          contentBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          orderLineIds: [],
        });
        const { rows } = await db.query('SELECT content FROM advertising.creatives WHERE id = $1', [created.body.id]);
        expect((rows[0] as { content: Buffer }).content.equals(bytes)).toBe(true);
      },
    );

    it('stores an HTML5 zip with its entry file, made by ad ops for an advertiser', async () => {
      const zip = zipOf([
        { name: 'index.html', data: html, deflate: true },
        { name: 'img/logo.png', data: pngOf(10, 10) },
      ]);
      const created = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
        advertiserId: advertiserB.id,
        name: 'HTML5 Tết',
        kind: 'html5',
        size: '300x250',
        clickUrl: 'https://xe.example.vn/',
        contentBase64: b64(zip),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        advertiserId: advertiserB.id,
        kind: 'html5',
        entryFile: 'index.html',
        contentType: 'application/zip',
        contentBytes: zip.length,
      });
    });

    it('stores a third-party tag as text, and a floating format with its close control in time', async () => {
      const tag = '<script src="https://ads.partner.example/tag.js" data-slot="300x250"></script>';
      const created = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
        advertiserId: advertiserB.id,
        name: 'Tag đối tác',
        kind: 'tag',
        size: '300x250',
        format: 'floating',
        closeControlAfterMs: 1500,
        tag,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: 'tag',
        tag,
        contentBytes: 0,
        sha256: null,
        closeControlAfterMs: 1500,
      });
    });

    it('stores a native creative with its headline, image and label for content', async () => {
      const created = await clientB.post<CreativeView>('/v1/advertising/creatives', {
        name: 'Bài PR',
        kind: 'native',
        size: 'native',
        headline: 'Lái thử xe điện mới, nhận quà Tết',
        placement: 'in-content',
        label: 'Quảng cáo',
        clickUrl: 'https://xe.example.vn/lai-thu',
        contentBase64: b64(jpegOf(1200, 628, 90_000)),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        advertiserId: advertiserB.id,
        kind: 'native',
        placement: 'in-content',
        label: 'Quảng cáo',
        contentType: 'image/jpeg',
      });
    });
  });

  describe('bad input', () => {
    const bomb = zipOf([{ name: 'index.html', data: Buffer.alloc(3_000_000), deflate: true, declaredSize: 100 }]);
    it.each([
      ['an image of the wrong size', image({ contentBase64: b64(pngOf(728, 90)) }), 'contentBase64'],
      ['an image too heavy for 300x250', image({ contentBase64: b64(pngOf(300, 250, 150_001)) }), 'contentBase64'],
      ['HTML sent as an image', image({ contentBase64: b64(html) }), 'contentBase64'],
      ['an image of no fixed size', image({ size: 'fluid' }), 'size'],
      ['an image without its file', image({ contentBase64: undefined }), 'contentBase64'],
      ['an http click URL', image({ clickUrl: 'http://brand.example.vn/' }), 'clickUrl'],
      ['a click URL with credentials', image({ clickUrl: 'https://u:p@brand.example.vn/' }), 'clickUrl'],
      ['a floating ad without a close control', image({ format: 'floating' }), 'closeControlAfterMs'],
      [
        'an interstitial closable after 2 s',
        image({ format: 'interstitial', closeControlAfterMs: 2000 }),
        'closeControlAfterMs',
      ],
      ['an in-content ad without its label', image({ placement: 'in-content' }), 'label'],
      ['an in-content ad with another label', image({ placement: 'in-content', label: 'Tin hot' }), 'label'],
      ['an unknown kind', image({ kind: 'video' }), 'kind'],
      ['a zip bomb', image({ kind: 'html5', contentBase64: b64(bomb) }), 'contentBase64'],
      [
        'a zip with a path-traversal name',
        image({
          kind: 'html5',
          contentBase64: b64(
            zipOf([
              { name: 'index.html', data: html },
              { name: '../../x.html', data: html },
            ]),
          ),
        }),
        'contentBase64',
      ],
      [
        'a zip without its entry file',
        image({ kind: 'html5', contentBase64: b64(zipOf([{ name: 'ad.html', data: html }])) }),
        'contentBase64',
      ],
      [
        'a tag loading over http',
        { name: 't', kind: 'tag', size: '300x250', tag: '<script src="http://x.example/a.js"></script>' },
        'tag',
      ],
      [
        'a tag loading scheme-relative',
        { name: 't', kind: 'tag', size: '300x250', tag: '<img src="//x.example/p.gif">' },
        'tag',
      ],
      [
        'a native headline over 90 characters',
        { ...image({ kind: 'native', size: 'native' }), headline: 'x'.repeat(91) },
        'headline',
      ],
      ['a native creative without a headline', image({ kind: 'native', size: 'native' }), 'headline'],
      [
        'an image at a loopback URL',
        image({ contentBase64: undefined, contentUrl: 'http://127.0.0.1:4222/x.png' }),
        'contentUrl',
      ],
      [
        'an image at a private URL',
        image({ contentBase64: undefined, contentUrl: 'https://10.0.0.8/x.png' }),
        'contentUrl',
      ],
      [
        'the cloud metadata address',
        image({ contentBase64: undefined, contentUrl: 'http://169.254.169.254/latest/meta-data/' }),
        'contentUrl',
      ],
      ['a file URL', image({ contentBase64: undefined, contentUrl: 'file:///etc/passwd' }), 'contentUrl'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_what, body, field) => {
      const before = await storedCount();
      const answer = await clientA.post('/v1/advertising/creatives', body);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toContain(field);
      expect(await storedCount()).toBe(before);
    });

    it('refuses staff a creative for an advertiser of no one', async () => {
      const answer = await agency.api.post(
        '/v1/advertising/creatives',
        image({ advertiserId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['advertiserId']);
    });
  });

  describe('review', () => {
    it('lets ad ops approve or reject with a reason, sends an edited creative back to review, and audits each step', async () => {
      const created = (await clientA.post<CreativeView>('/v1/advertising/creatives', image({ name: 'Review me' })))
        .body;
      const path = `/v1/advertising/creatives/${created.id}`;
      expect((await clientA.send('POST', `${path}/approve`, undefined)).status).toBe(403);
      const noReason = await agency.api.post(`${path}/reject`, {});
      expect(noReason.status).toBe(400);
      expect(new Set(fieldsOf(noReason.body))).toEqual(new Set(['reason']));
      const approved = await agency.api.send<CreativeView>('POST', `${path}/approve`, undefined);
      expect(approved.body).toMatchObject({ status: 'approved', rejectionReason: null });
      expect((await agency.api.send('POST', `${path}/approve`, undefined)).status).toBe(409);
      expect((await clientA.patch<CreativeView>(path, {})).body.status).toBe('approved');
      const headline = await clientA.patch(path, { headline: 'Không phải native' });
      expect(headline.status).toBe(400);
      expect(fieldsOf(headline.body)).toEqual(['headline']);
      const edited = await clientA.patch<CreativeView>(path, { clickUrl: 'https://brand.example.vn/moi' });
      expect(edited.body).toMatchObject({ status: 'pending-review', clickUrl: 'https://brand.example.vn/moi' });
      const badEdit = await clientA.patch(path, { clickUrl: 'http://brand.example.vn/' });
      expect(badEdit.status).toBe(400);
      expect(fieldsOf(badEdit.body)).toEqual(['clickUrl']);
      const rejected = await agency.api.post<CreativeView>(`${path}/reject`, { reason: 'Thiếu nhãn giá khuyến mãi' });
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Thiếu nhãn giá khuyến mãi' });
      expect((await agency.api.send('POST', `${path}/approve`, undefined)).status).toBe(409);
      const actions = await eventually(async () => {
        const log = await agency.api.get<{ items: AuditItem[] }>('/v1/audit-log?limit=500');
        const found = log.body.items.filter((item) => item.targetType === 'creative' && item.targetId === created.id);
        expect(found).toHaveLength(4);
        return found.map((item) => item.action).sort();
      });
      expect(actions).toEqual(['creative.approved', 'creative.created', 'creative.edited', 'creative.rejected']);
    });
  });

  describe('attachment to order lines', () => {
    it("attaches a creative to a line of its advertiser's order whose unit accepts its size", async () => {
      const created = (await clientA.post<CreativeView>('/v1/advertising/creatives', image({ name: 'Attach me' })))
        .body;
      const lineId = order.lines[0].id;
      const attached = await clientA.post<CreativeView>(`/v1/advertising/creatives/${created.id}/attachments`, {
        orderLineId: lineId,
      });
      expect(attached.status).toBe(200);
      expect(attached.body.orderLineIds).toEqual([lineId]);
    });

    it.each([
      [
        'a creative of a size the unit does not take',
        () => image({ size: '728x90', contentBase64: b64(pngOf(728, 90)) }),
      ],
    ])('refuses %s with 400 naming orderLineId', async (_what, body) => {
      const created = (await clientA.post<CreativeView>('/v1/advertising/creatives', body())).body;
      const answer = await clientA.post(`/v1/advertising/creatives/${created.id}/attachments`, {
        orderLineId: order.lines[0].id,
      });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['orderLineId']);
      expect((await clientA.get<CreativeView>(`/v1/advertising/creatives/${created.id}`)).body.orderLineIds).toEqual(
        [],
      );
    });

    it('attaches to a unit inside article content only a creative placed in content, with its label', async () => {
      const unit = await agency.api.post<{ id: string }>('/v1/advertising/ad-units', {
        siteId,
        code: 'creative-in-article',
        name: 'Trong bài',
        format: 'native',
        sizes: ['native'],
        pageTypes: ['article'],
        dailyCapacity: 10_000,
      });
      expect(unit.status).toBe(201);
      expect((await agency.api.put(`/v1/advertising/ad-units/${unit.body.id}/rate-card`, RATE_CARD)).status).toBe(200);
      const inArticle = await placeOrder(clientB, { lines: [cpmLine(unit.body.id, 1000)] });
      expect(inArticle.status).toBe(201);
      const native = (placement: string, label?: string) =>
        clientB.post<CreativeView>('/v1/advertising/creatives', {
          name: `Native ${placement}`,
          kind: 'native',
          size: 'native',
          headline: 'Ưu đãi Tết',
          placement,
          label,
          clickUrl: 'https://xe.example.vn/',
          contentBase64: b64(pngOf(600, 314)),
        });
      const orderLineId = inArticle.body.lines[0].id;
      const standard = (await native('standard')).body;
      const refused = await clientB.post(`/v1/advertising/creatives/${standard.id}/attachments`, { orderLineId });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['orderLineId']);
      const labelled = (await native('in-content', 'Advertisement')).body;
      const attached = await clientB.post<CreativeView>(`/v1/advertising/creatives/${labelled.id}/attachments`, {
        orderLineId,
      });
      expect(attached.status).toBe(200);
      expect(attached.body.orderLineIds).toEqual([orderLineId]);
    });

    it("refuses to attach another advertiser's creative to the line", async () => {
      const theirs = (
        await agency.api.post<CreativeView>('/v1/advertising/creatives', image({ advertiserId: advertiserB.id }))
      ).body;
      const answer = await agency.api.post(`/v1/advertising/creatives/${theirs.id}/attachments`, {
        orderLineId: order.lines[0].id,
      });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['orderLineId']);
    });
  });

  describe('cross-advertiser', () => {
    let theirs: CreativeView;

    beforeAll(async () => {
      theirs = (
        await agency.api.post<CreativeView>('/v1/advertising/creatives', image({ advertiserId: advertiserB.id }))
      ).body;
    });

    /** Every creative route with an id, as advertiser A calls it on B's creative: not found, or (staff only) forbidden. */
    const CROSS_ADVERTISER: [string, string, unknown, number][] = [
      ['GET', '', undefined, 404],
      ['PATCH', '', { name: 'taken over' }, 404],
      ['POST', '/attachments', { orderLineId: '00000000-0000-4000-8000-000000000000' }, 404],
      ['POST', '/approve', undefined, 403],
      ['POST', '/reject', { reason: 'intrusion' }, 403],
      ['GET', '/content', undefined, 403],
    ];

    it.each(CROSS_ADVERTISER)(
      "answers advertiser A's %s of B's creative%s with %s, and changes nothing",
      async (method, suffix, body, status) => {
        const path = `/v1/advertising/creatives/${theirs.id}`;
        const answer = await clientA.send(method, `${path}${suffix}`, body);
        expect(answer.status).toBe(status);
        expect((await agency.api.get<CreativeView>(path)).body).toMatchObject({
          name: 'Banner Tết',
          status: 'pending-review',
          orderLineIds: [],
        });
      },
    );

    it("lists A's own creatives only, and creates nothing in B's name", async () => {
      const listed = await clientA.get<{ items: CreativeView[] }>(
        `/v1/advertising/creatives?advertiserId=${advertiserB.id}`,
      );
      expect(listed.body.items.length).toBeGreaterThan(0);
      expect(listed.body.items.every((item) => item.advertiserId === advertiserA.id)).toBe(true);
      const before = await storedCount();
      const inB = await clientA.post('/v1/advertising/creatives', image({ advertiserId: advertiserB.id }));
      expect(inB.status).toBe(404);
      expect(await storedCount()).toBe(before);
    });
  });

  describe('preview', () => {
    it('serves ad ops the stored bytes sandboxed, with their sniffed type and never sniffed by the browser', async () => {
      const bytes = pngOf(300, 250, 4000);
      const created = (
        await clientA.post<CreativeView>('/v1/advertising/creatives', image({ contentBase64: b64(bytes) }))
      ).body;
      const answer = await agency.api.get(`/v1/advertising/creatives/${created.id}/content`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/png');
      expect(answer.headers.get('content-security-policy')).toBe('sandbox');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-length')).toBe(String(bytes.length));
      expect(answer.headers.get('etag')).toBe(`"${created.sha256}"`);
      expect((await clientA.get(`/v1/advertising/creatives/${created.id}/content`)).status).toBe(403);
    });

    it('serves a tag as plain text, never as HTML', async () => {
      const tag = '<script src="https://ads.partner.example/t.js"></script>';
      const created = (
        await agency.api.post<CreativeView>('/v1/advertising/creatives', {
          advertiserId: advertiserA.id,
          name: 'Tag',
          kind: 'tag',
          size: '300x250',
          tag,
        })
      ).body;
      const answer = await agency.api.get(`/v1/advertising/creatives/${created.id}/content`);
      expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(answer.body).toBe(tag);
    });
  });
});
