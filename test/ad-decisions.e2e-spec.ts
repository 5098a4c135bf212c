import { eventually, pngOf } from '@libs/testing';
import type { AdDecisionAnswer, AdUnitView, CreativeView, OrderView } from '@libs/contracts';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import { advertiserWithKey, bookableUnit, dayFromToday, placeOrder, siteFollowed } from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  type: string;
  errors?: { field: string; message: string }[];
}

describe('ad decisions', () => {
  let suite: TestSuite;
  let api: Api;
  let ads: Api;
  let agency: TestAgency;
  let siteId: string;
  let siteKey: string;

  /** What each unit of a page gets, by unit code: the creative's id, or null. */
  async function page(units: string[], fields: Record<string, string> = {}): Promise<Record<string, string | null>> {
    const query = new URLSearchParams({ siteKey, units: units.join(','), ...fields });
    const answer = await ads.get<AdDecisionAnswer>(`/v1/ads/decisions?${query}`);
    if (answer.status !== 200) throw new Error(`decision answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return Object.fromEntries(answer.body.units.map((u) => [u.unit, u.ad?.creativeId ?? null]));
  }

  let serial = 0;
  /** A unit with one order of a new advertiser on it: approved, with a creative approved and attached, then live (unless its flight is later). */
  async function booked(options: {
    category?: string;
    unit?: AdUnitView;
    targeting?: Record<string, unknown>;
    from?: string;
    creative?: 'approved' | 'pending';
    advertiserId?: string;
  }): Promise<{ unit: AdUnitView; order: OrderView; creative: CreativeView }> {
    const n = ++serial;
    const unit = options.unit ?? (await bookableUnit(agency, siteId, `dec-unit-${n}`));
    const advertiserId =
      options.advertiserId ??
      // on invoice terms: the order serves on the clock, as a prepaid one would once paid
      (
        await advertiserWithKey(agency, api, `Advertiser ${n}`, {
          category: options.category ?? `cat-${n}`,
          paymentTerms: 'invoice',
        })
      ).advertiser.id;
    const from = options.from ?? dayFromToday(0);
    const placed = await placeOrder(agency.api, {
      advertiserId,
      lines: [
        {
          adUnitId: unit.id,
          pricingModel: 'cpm',
          flightStart: from,
          flightEnd: dayFromToday(5),
          impressionsPerDay: 1000,
          ...(options.targeting && { targeting: options.targeting }),
        },
      ],
    });
    if (placed.status !== 201) throw new Error(`order answered ${placed.status}: ${JSON.stringify(placed.body)}`);
    const id = placed.body.id;
    expect((await agency.api.post(`/v1/advertising/orders/${id}/submit`, {})).status).toBe(200);
    expect((await agency.api.post(`/v1/advertising/orders/${id}/approve`, {})).status).toBe(200);
    const creative = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
      advertiserId,
      name: `Banner ${n}`,
      kind: 'image',
      size: '300x250',
      clickUrl: `https://brand-${n}.example.vn/`,
      contentBase64: pngOf(300, 250, 20_000).toString('base64'),
    });
    expect(creative.status).toBe(201);
    if (options.creative !== 'pending')
      expect(
        (await agency.api.send('POST', `/v1/advertising/creatives/${creative.body.id}/approve`, undefined)).status,
      ).toBe(200);
    const attached = await agency.api.post(`/v1/advertising/creatives/${creative.body.id}/attachments`, {
      orderLineId: placed.body.lines[0].id,
    });
    expect(attached.status).toBe(200);
    // the clock every instance runs on its timer, run now: the flight began today
    await suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
    const order = await agency.api.get<OrderView>(`/v1/advertising/orders/${id}`);
    return { unit, order: order.body, creative: creative.body };
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
    ads = new Api(suite.instances('advertising')[0].get(PublicAdServer).url);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('serves an approved, live order with its approved creative on its unit', async () => {
    const { unit, order, creative } = await booked({});
    expect(order.status).toBe('live');
    await eventually(async () => expect(await page([unit.code])).toEqual({ [unit.code]: creative.id }));
    const answer = await ads.get<AdDecisionAnswer>(`/v1/ads/decisions?siteKey=${siteKey}&units=${unit.code}`);
    expect(answer.body.units[0].ad).toMatchObject({
      orderId: order.id,
      lineId: order.lines[0].id,
      kind: 'image',
      size: '300x250',
      clickUrl: creative.clickUrl,
    });
  });

  it('serves no line that is not live, out of flight, without an approved creative, or targeted elsewhere', async () => {
    const later = await booked({ from: dayFromToday(1) });
    expect(later.order.status).toBe('approved');
    const pending = await booked({ creative: 'pending' });
    const targeted = await booked({ targeting: { sections: ['kinh-te'], devices: ['mobile'] } });
    const units = [later.unit.code, pending.unit.code, targeted.unit.code];
    // the targeted line serves where it is aimed: memory has every line booked above
    await eventually(async () =>
      expect((await page([targeted.unit.code], { section: 'kinh-te', device: 'mobile' }))[targeted.unit.code]).toBe(
        targeted.creative.id,
      ),
    );
    expect(await page(units, { section: 'thoi-su', device: 'mobile' })).toEqual(
      Object.fromEntries(units.map((code) => [code, null])),
    );
    expect(
      (await page([targeted.unit.code], { section: 'kinh-te', device: 'desktop' }))[targeted.unit.code],
    ).toBeNull();
    // approving the pending creative is what was missing
    expect(
      (await agency.api.send('POST', `/v1/advertising/creatives/${pending.creative.id}/approve`, undefined)).status,
    ).toBe(200);
    await eventually(async () =>
      expect((await page([pending.unit.code]))[pending.unit.code]).toBe(pending.creative.id),
    );
  });

  it('never shows two advertisers of one category, nor one advertiser twice, on a page', async () => {
    const telecomA = await booked({ category: 'telecom' });
    const telecomB = await booked({ category: 'telecom' });
    const other = await booked({ category: 'retail' });
    const again = await booked({ advertiserId: other.order.advertiserId });
    const codes = [telecomA.unit.code, telecomB.unit.code, other.unit.code, again.unit.code];
    await eventually(async () => {
      for (const code of codes) expect((await page([code]))[code]).not.toBeNull();
    });
    const served = await page(codes);
    expect([served[telecomA.unit.code], served[telecomB.unit.code]].filter(Boolean)).toHaveLength(1);
    expect([served[other.unit.code], served[again.unit.code]].filter(Boolean)).toHaveLength(1);
  });

  it('follows a canceled order and a creative withdrawn and rejected without a restart', async () => {
    const canceled = await booked({});
    const withdrawn = await booked({});
    await eventually(async () =>
      expect(await page([canceled.unit.code, withdrawn.unit.code])).toEqual({
        [canceled.unit.code]: canceled.creative.id,
        [withdrawn.unit.code]: withdrawn.creative.id,
      }),
    );
    expect(
      (await agency.api.post(`/v1/advertising/orders/${canceled.order.id}/cancel`, { reason: 'budget cut' })).status,
    ).toBe(200);
    // an edit sends the creative back to review (it no longer serves), then ad ops reject it
    const path = `/v1/advertising/creatives/${withdrawn.creative.id}`;
    expect((await agency.api.patch(path, { clickUrl: 'https://elsewhere.example.vn/' })).status).toBe(200);
    expect((await agency.api.post(`${path}/reject`, { reason: 'misleading' })).status).toBe(200);
    await eventually(async () =>
      expect(await page([canceled.unit.code, withdrawn.unit.code])).toEqual({
        [canceled.unit.code]: null,
        [withdrawn.unit.code]: null,
      }),
    );
  });

  it('answers 404 for a key no site has, and 400 naming the field for a bad request', async () => {
    const unknown = await ads.get<Problem>('/v1/ads/decisions?siteKey=pk_nobodyhasthiskey0000000&units=top');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    for (const [query, field] of [
      [`siteKey=${siteKey}`, 'units'],
      [`siteKey=${siteKey}&units=Top%20Banner`, 'units'],
      [`siteKey=${siteKey}&units=top&device=watch`, 'device'],
      [`siteKey=${siteKey}&units=top&section=%3Cscript%3E`, 'section'],
      [`units=top`, 'siteKey'],
    ]) {
      const bad = await ads.get<Problem>(`/v1/ads/decisions?${query}`);
      expect([query, bad.status, (bad.body.errors ?? []).map((e) => e.field)]).toEqual([query, 400, [field]]);
    }
    expect((await ads.get<Problem>('/v1/ads/anything')).status).toBe(404);
  });
});
