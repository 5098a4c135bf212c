import { Client } from 'pg';
import { eventually, pngOf } from '@libs/testing';
import type {
  AdDecisionAnswer,
  AdUnitView,
  CreativeView,
  OrderView,
  SponsoredArticleView,
  SponsoredLabelView,
} from '@libs/contracts';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import { advertiserWithKey, dayFromToday, RATE_CARD, siteFollowed } from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe('sponsored articles (bài PR)', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let siteKey: string;
  let db: Client;
  let serial = 0;

  const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.field);
  const image = (n = ++serial) => pngOf(600, 400, 9_000 + n).toString('base64');

  /** A native slot of the home page sold exclusively, at 25,000,000 per sponsored article (VAT 10 %). */
  async function prSlot(fields: Record<string, unknown> = {}, card: Record<string, unknown> = {}): Promise<AdUnitView> {
    const unit = await agency.api.post<AdUnitView>('/v1/advertising/ad-units', {
      siteId,
      code: `pr-slot-${++serial}`,
      name: 'Bài PR trang chủ',
      format: 'native',
      sizes: ['native'],
      pageTypes: ['home'],
      dailyCapacity: 200_000,
      exclusiveSponsorship: true,
      ...fields,
    });
    expect(unit.status).toBe(201);
    const put = await agency.api.put(`/v1/advertising/ad-units/${unit.body.id}/rate-card`, {
      ...RATE_CARD,
      sponsoredArticlePrice: '25000000',
      ...card,
    });
    expect(put.status).toBe(200);
    return unit.body;
  }

  const book = (client: Api, body: Record<string, unknown>) =>
    client.post<OrderView>('/v1/advertising/sponsored-articles', {
      articleUrl: `https://${agency.slug}.example.vn/kinh-te/bai-pr-${++serial}`,
      articleId: `pr-${serial}`,
      headline: 'Ngân hàng X ra mắt thẻ mới',
      imageBase64: image(),
      exposureStart: dayFromToday(0),
      exposureEnd: dayFromToday(2),
      ...body,
    });

  const counts = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM advertising.orders)::int AS orders, (SELECT count(*) FROM advertising.creatives)::int AS creatives`,
      )
    ).rows[0] as { orders: number; creatives: number };

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it("labels sponsored articles with the agency's locale default until ad ops set another", async () => {
    expect((await agency.api.get<SponsoredLabelView>('/v1/advertising/sponsored-articles/label')).body).toEqual({
      label: 'Bài PR',
      isDefault: true,
    });
    const set = await agency.api.put<SponsoredLabelView>('/v1/advertising/sponsored-articles/label', {
      label: 'Nội dung tài trợ',
    });
    expect(set.body).toEqual({ label: 'Nội dung tài trợ', isDefault: false });
    const unit = await prSlot();
    const { advertiser } = await advertiserWithKey(agency, api, 'Nhãn riêng');
    const booked = await book(agency.api, { advertiserId: advertiser.id, adUnitId: unit.id });
    expect(booked.body.sponsoredArticle!.label).toBe('Nội dung tài trợ');
    const reset = await agency.api.put<SponsoredLabelView>('/v1/advertising/sponsored-articles/label', { label: null });
    expect(reset.body).toEqual({ label: 'Bài PR', isDefault: true });
    const { client } = await advertiserWithKey(agency, api, 'Không được đổi nhãn');
    expect((await client.put('/v1/advertising/sponsored-articles/label', { label: 'Tin' })).status).toBe(403);
  });

  it('books an article priced once, holding the homepage unit for its window, with its teaser labelled and linking to it', async () => {
    const unit = await prSlot();
    const { advertiser, client } = await advertiserWithKey(agency, api, 'Ngân hàng X');
    const booked = await book(client, { adUnitId: unit.id, articleUrl: 'https://bao.example.vn/kinh-te/the-moi' });
    expect(booked.status).toBe(201);
    const article = booked.body.sponsoredArticle!;
    expect(booked.body).toMatchObject({
      advertiserId: advertiser.id,
      status: 'draft',
      name: 'Bài PR: Ngân hàng X ra mắt thẻ mới',
      takeover: null,
      taxable: '25000000',
      vat: '2500000',
      total: '27500000',
    });
    expect(article).toMatchObject({
      articleUrl: 'https://bao.example.vn/kinh-te/the-moi',
      headline: 'Ngân hàng X ra mắt thẻ mới',
      label: 'Bài PR',
      exposureStart: dayFromToday(0),
      exposureEnd: dayFromToday(2),
    });
    const [line] = booked.body.lines;
    expect(line).toMatchObject({ adUnitId: unit.id, pricingModel: 'sponsorship', flightStart: dayFromToday(0) });
    expect(line.quote.steps).toMatchObject({ listPrice: '25000000', volumeDiscountBp: 0 });
    const teaser = await client.get<CreativeView>(`/v1/advertising/creatives/${article.creativeId}`);
    expect(teaser.body).toMatchObject({
      kind: 'native',
      size: 'native',
      label: 'Bài PR',
      headline: 'Ngân hàng X ra mắt thẻ mới',
      clickUrl: 'https://bao.example.vn/kinh-te/the-moi',
      status: 'pending-review',
      sponsoredArticle: true,
      orderLineIds: [line.id],
    });
    const { rows } = await db.query(
      `SELECT day::text AS day, held, exclusive FROM advertising.inventory_days WHERE ad_unit_id = $1 ORDER BY day`,
      [unit.id],
    );
    expect(rows).toEqual([0, 1, 2].map((n) => ({ day: dayFromToday(n), held: 200_000, exclusive: true })));
  });

  it('never lets the advertiser remove the label, retitle the teaser or point it elsewhere', async () => {
    const unit = await prSlot();
    const { client } = await advertiserWithKey(agency, api, 'Muốn giấu nhãn');
    const { creativeId } = (await book(client, { adUnitId: unit.id })).body.sponsoredArticle!;
    const path = `/v1/advertising/creatives/${creativeId}`;
    for (const [change, field] of [
      [{ label: 'Quảng cáo' }, 'label'],
      [{ headline: 'Tin nóng' }, 'headline'],
      [{ clickUrl: 'https://elsewhere.example.vn/' }, 'clickUrl'],
    ] as const) {
      const refused = await client.patch(path, change);
      expect([refused.status, fieldsOf(refused.body)]).toEqual([400, [field]]);
    }
    expect((await client.get<CreativeView>(path)).body.label).toBe('Bài PR');
    expect((await client.patch<CreativeView>(path, { name: 'Bài PR tháng 3' })).status).toBe(200);
  });

  it('serves the teaser on the homepage unit in its window, labelled, invoices it with its article, and lists it for the CMS', async () => {
    const unit = await prSlot();
    const { advertiser } = await advertiserWithKey(agency, api, 'Hãng bia', {
      category: 'beverages',
      // on invoice terms: the order serves on the clock, as a prepaid one would once paid
      paymentTerms: 'invoice',
    });
    const articleUrl = `https://${agency.slug}.example.vn/doi-song/bia-tet`;
    const booked = (await book(agency.api, { advertiserId: advertiser.id, adUnitId: unit.id, articleUrl })).body;
    const editor = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: 'cms', roles: ['editor'] });
    const cms = api.as({ bearer: editor.body.secret });
    const listed = async (query = '') =>
      (await cms.get<{ items: SponsoredArticleView[] }>(`/v1/advertising/sponsored-articles${query}`)).body.items;
    // a draft is not sold yet: the CMS does not label it
    expect((await listed()).map((item) => item.orderId)).not.toContain(booked.id);
    const { creativeId } = booked.sponsoredArticle!;
    expect((await agency.api.send('POST', `/v1/advertising/creatives/${creativeId}/approve`, undefined)).status).toBe(
      200,
    );
    expect((await agency.api.post(`/v1/advertising/orders/${booked.id}/submit`, {})).status).toBe(200);
    expect((await agency.api.post(`/v1/advertising/orders/${booked.id}/approve`, {})).status).toBe(200);
    await suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
    const ads = new Api(suite.instances('advertising')[0].get(PublicAdServer).url);
    await eventually(async () => {
      const answer = await ads.get<AdDecisionAnswer>(`/v1/ads/decisions?siteKey=${siteKey}&units=${unit.code}`);
      expect(answer.body.units[0].ad).toMatchObject({
        orderId: booked.id,
        creativeId,
        kind: 'native',
        label: 'Bài PR',
        headline: 'Ngân hàng X ra mắt thẻ mới',
        clickUrl: articleUrl,
        contentUrl: expect.stringMatching(/^https:\/\/ads\.example\.test\/v1\/ads\/creatives\/[0-9a-f]{64}$/),
      });
    });
    const { rows: invoiced } = await db.query(
      `SELECT envelope->'data' AS data FROM advertising.outbox
       WHERE subject = 'evt.advertising.booking.invoiced.v1' AND envelope->'data'->>'bookingId' = $1`,
      [booked.lines[0].id],
    );
    expect(invoiced.map((row: { data: unknown }) => row.data)).toEqual([
      expect.objectContaining({
        pricingModel: 'sponsorship',
        amount: '27500000',
        tax: '2500000',
        sponsoredArticle: { articleUrl, articleId: booked.sponsoredArticle!.articleId },
        roadblockId: null,
      }),
    ]);
    const expected = {
      orderId: booked.id,
      orderStatus: 'live',
      advertiserId: advertiser.id,
      siteId,
      adUnitId: unit.id,
      articleUrl,
      label: 'Bài PR',
      exposureStart: dayFromToday(0),
      exposureEnd: dayFromToday(2),
    };
    expect(await listed(`?articleUrl=${encodeURIComponent(articleUrl)}`)).toEqual([expect.objectContaining(expected)]);
    expect(await listed(`?articleId=${booked.sponsoredArticle!.articleId}&siteId=${siteId}`)).toEqual([
      expect.objectContaining(expected),
    ]);
    // canceled while live: it was shown as sponsored, and stays listed
    expect(
      (await agency.api.post(`/v1/advertising/orders/${booked.id}/cancel`, { reason: 'ended early' })).status,
    ).toBe(200);
    expect(await listed(`?articleUrl=${encodeURIComponent(articleUrl)}`)).toEqual([
      expect.objectContaining({ ...expected, orderStatus: 'canceled' }),
    ]);
    const { client } = await advertiserWithKey(agency, api, 'Tò mò');
    expect((await client.get('/v1/advertising/sponsored-articles')).status).toBe(403);
  });

  it('sells a unit-day once: a second article overlapping the window is refused, naming the days', async () => {
    const unit = await prSlot();
    const { advertiser } = await advertiserWithKey(agency, api, 'Trước');
    expect((await book(agency.api, { advertiserId: advertiser.id, adUnitId: unit.id })).status).toBe(201);
    const before = await counts();
    const second = await book(agency.api, {
      advertiserId: advertiser.id,
      adUnitId: unit.id,
      exposureStart: dayFromToday(2),
      exposureEnd: dayFromToday(3),
    });
    expect(second.status).toBe(409);
    expect((second.body as unknown as Problem).detail).toContain(`${unit.code} is taken on ${dayFromToday(2)}`);
    expect(await counts()).toEqual(before);
  });

  it.each<
    [string, (unit: AdUnitView) => Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, string[]]
  >([
    ['an article not on https', () => ({ articleUrl: 'http://bao.example.vn/x' }), {}, {}, ['articleUrl']],
    ['no teaser image', () => ({ imageBase64: undefined }), {}, {}, ['imageBase64']],
    [
      'an image that is no image',
      () => ({ imageBase64: Buffer.from('hello').toString('base64') }),
      {},
      {},
      ['imageBase64'],
    ],
    [
      'a window ending before it starts',
      () => ({ exposureStart: dayFromToday(3), exposureEnd: dayFromToday(2) }),
      {},
      {},
      ['exposureEnd'],
    ],
    ['a window in the past', () => ({ exposureStart: dayFromToday(-1) }), {}, {}, ['exposureStart']],
    ['a unit off the home page', () => ({}), { pageTypes: ['article'] }, {}, ['adUnitId']],
    ['a unit that takes no native ad', () => ({}), { format: 'display', sizes: ['300x250'] }, {}, ['adUnitId']],
    ['a rate card without a per-article price', () => ({}), {}, { sponsoredArticlePrice: null }, ['adUnitId']],
    ['a unit not sold exclusively', () => ({}), { exclusiveSponsorship: false }, {}, ['adUnitId']],
    ['an unknown unit', () => ({ adUnitId: '00000000-0000-4000-8000-000000000000' }), {}, {}, ['adUnitId']],
  ])('refuses %s naming the field, and writes nothing', async (_what, fields, unitFields, card, expected) => {
    const unit = await prSlot(unitFields, card);
    const { advertiser } = await advertiserWithKey(agency, api, 'Sai');
    const before = await counts();
    const answer = await book(agency.api, { advertiserId: advertiser.id, adUnitId: unit.id, ...fields(unit) });
    expect([answer.status, fieldsOf(answer.body)]).toEqual([400, expected]);
    expect(await counts()).toEqual(before);
  });
});
