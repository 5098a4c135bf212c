import { eventually } from '@libs/testing';
import type { CreativeView, OrderView } from '@libs/contracts';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import { advertiserWithKey, bookableUnit, dayFromToday, placeOrder, siteFollowed } from './support/ad-booking-fixtures';
import { pageWithAds } from './support/ad-snippet-page';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

describe('the ad snippet served by the gateway', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let siteKey: string;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
  });

  afterAll(async () => {
    await suite?.close();
  });

  /** A live order of a new advertiser on a new unit, showing an approved third-party tag. */
  async function tagOnUnit(code: string, tag: string): Promise<CreativeView> {
    const unit = await bookableUnit(agency, siteId, code);
    const { advertiser } = await advertiserWithKey(agency, api, `Advertiser ${code}`, {
      category: `cat-${code}`,
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
          flightEnd: dayFromToday(3),
          impressionsPerDay: 1000,
        },
      ],
    });
    expect(placed.status).toBe(201);
    const order = placed.body as OrderView;
    for (const step of ['submit', 'approve'])
      expect((await agency.api.post(`/v1/advertising/orders/${order.id}/${step}`, {})).status).toBe(200);
    const creative = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
      advertiserId: advertiser.id,
      name: `Tag ${code}`,
      kind: 'tag',
      size: '300x250',
      tag,
    });
    expect(creative.status).toBe(201);
    const path = `/v1/advertising/creatives/${creative.body.id}`;
    expect((await agency.api.send('POST', `${path}/approve`, undefined)).status).toBe(200);
    expect((await agency.api.post(`${path}/attachments`, { orderLineId: order.lines[0].id })).status).toBe(200);
    await suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
    return creative.body;
  }

  it('serves /ads.js as a cacheable script', async () => {
    const served = await fetch(`${await suite.gatewayUrl()}/ads.js`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('application/javascript');
    expect(served.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await served.text()).toContain('/v1/ads/decisions');
  });

  it("renders, from the script it serves, what advertising's own server decides for the page", async () => {
    const tag = '<a href="https://doi-tac.example.vn/">Đối tác</a>';
    const creative = await tagOnUnit('snippet-top', tag);
    const source = await (await fetch(`${await suite.gatewayUrl()}/ads.js`)).text();
    const adServer = suite.instances('advertising')[0].get(PublicAdServer).url;
    const answers: number[] = [];
    // the decision server follows the order through its events: a page may come before it knows
    const page = await eventually(async () => {
      const attempt = await pageWithAds({
        source,
        slots: '<div data-ad-unit="snippet-top"></div><div data-ad-unit="snippet-unsold"></div>',
        dataset: { siteKey, decisionsUrl: adServer, section: 'the-thao' },
        network: async (url, init) => {
          const answer = await fetch(url, init as RequestInit);
          answers.push(answer.status);
          return answer;
        },
      });
      await eventually(async () => expect(attempt.events.map((e) => e.name)).toContain('empty'));
      expect(attempt.eventsOf('snippet-top')).toEqual(['rendered', 'impression']);
      return attempt;
    });
    expect(answers.every((status) => status === 200)).toBe(true);
    const frame = page.slot('snippet-top').querySelector('iframe');
    expect([frame.getAttribute('srcdoc'), frame.getAttribute('sandbox')]).toEqual([
      tag,
      'allow-scripts allow-popups allow-popups-to-escape-sandbox',
    ]);
    expect(page.events.find((e) => e.name === 'rendered')!.detail).toMatchObject({
      unit: 'snippet-top',
      fill: 'line',
      creativeId: creative.id,
    });
    expect(page.eventsOf('snippet-unsold')).toEqual(['empty']);
    expect(page.errors).toEqual([]);
  });
});
