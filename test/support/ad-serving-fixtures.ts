import { eventually, pngOf } from '@libs/testing';
import type { AdCreativeAnswer, AdDecisionAnswer, CreativeView, OrderView } from '@libs/contracts';
import { OrderTransitionsService } from '../../apps/advertising/src/orders/order-transitions.service';
import { advertiserWithKey, bookableUnit, dayFromToday, placeOrder } from './ad-booking-fixtures';
import type { TestAgency } from './agencies';
import type { Api } from './api';
import type { TestSuite } from './test-suite';

/** A live order of a new advertiser on a new unit of the site, its approved creative attached, as decisions serve it. */
export interface LiveAd {
  unitCode: string;
  unitId: string;
  order: OrderView;
  creative: CreativeView;
}

let serial = 0;

/** Books, approves and puts live one order with one creative on a unit of its own, and waits until decisions serve it. */
export async function liveAd(
  suite: TestSuite,
  agency: TestAgency,
  api: Api,
  siteId: string,
  decisionsUrl: string,
  siteKey: string,
): Promise<LiveAd> {
  const n = `${process.pid}-${++serial}`;
  const unit = await bookableUnit(agency, siteId, `track-${n}`);
  const { advertiser } = await advertiserWithKey(agency, api, `Advertiser ${n}`, {
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
      },
    ],
  });
  if (placed.status !== 201) throw new Error(`order answered ${placed.status}: ${JSON.stringify(placed.body)}`);
  const id = placed.body.id;
  for (const step of ['submit', 'approve'])
    if ((await agency.api.post(`/v1/advertising/orders/${id}/${step}`, {})).status !== 200)
      throw new Error(`${step} refused`);
  const creative = await agency.api.post<CreativeView>('/v1/advertising/creatives', {
    advertiserId: advertiser.id,
    name: `Banner ${n}`,
    kind: 'image',
    size: '300x250',
    clickUrl: `https://brand-${n}.example.vn/khuyen-mai?utm_source=bao&x=1`,
    contentBase64: pngOf(300, 250, 20_000).toString('base64'),
  });
  if (creative.status !== 201) throw new Error(`creative answered ${creative.status}`);
  await agency.api.send('POST', `/v1/advertising/creatives/${creative.body.id}/approve`, undefined);
  await agency.api.post(`/v1/advertising/creatives/${creative.body.id}/attachments`, {
    orderLineId: placed.body.lines[0].id,
  });
  await suite.instances('advertising')[0].get(OrderTransitionsService).sweep();
  const order = await agency.api.get<OrderView>(`/v1/advertising/orders/${id}`);
  const ad: LiveAd = { unitCode: unit.code, unitId: unit.id, order: order.body, creative: creative.body };
  await eventually(async () =>
    expect((await decide(decisionsUrl, siteKey, ad.unitCode)).creativeId).toBe(ad.creative.id),
  );
  return ad;
}

/** One decision for one unit (and an article), as a page asks it; the ad served. */
export async function decide(
  decisionsUrl: string,
  siteKey: string,
  unitCode: string,
  article?: string,
): Promise<AdCreativeAnswer> {
  const query = new URLSearchParams({ siteKey, units: unitCode, ...(article && { article }) });
  const response = await fetch(`${decisionsUrl}/v1/ads/decisions?${query}`);
  const answer = (await response.json()) as AdDecisionAnswer;
  if (response.status !== 200) throw new Error(`decision answered ${response.status}: ${JSON.stringify(answer)}`);
  const ad = answer.units[0]?.ad;
  if (!ad) throw new Error(`no ad served on ${unitCode}`);
  return ad;
}
