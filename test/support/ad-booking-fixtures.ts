import { eventually } from '@libs/testing';
import type { AdUnitView, AdvertiserView, OrderView } from '@libs/contracts';
import type { TestAgency } from './agencies';
import { Api } from './api';

/** Days from the agency's today (Asia/Ho_Chi_Minh, the suite's default), `YYYY-MM-DD`. */
export function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A site of the agency, once advertising has followed it. */
export async function siteFollowed(agency: TestAgency, tag: string): Promise<string> {
  const site = await agency.api.post<{ id: string }>('/v1/sites', { name: `Site ${tag}`, domain: `${tag}.example.vn` });
  if (site.status !== 201) throw new Error(`creating a site answered ${site.status}`);
  // advertising knows the site once a unit can be placed on it: a unit coded as a default one is then
  // refused as a duplicate (409), not for its site (400); nothing is written either way
  await eventually(async () => {
    const probe = await agency.api.post('/v1/advertising/ad-units', unitBody(site.body.id, 'leaderboard'));
    if (probe.status !== 409) throw new Error(`site not followed yet: ${JSON.stringify(probe.body)}`);
  });
  return site.body.id;
}

export function unitBody(siteId: string, code: string, dailyCapacity = 10_000, exclusiveSponsorship = true) {
  return {
    siteId,
    code,
    name: `Unit ${code}`,
    format: 'display',
    sizes: ['300x250', '336x280'],
    pageTypes: ['home', 'article'],
    sections: ['the-thao'],
    dailyCapacity,
    exclusiveSponsorship,
  };
}

export const RATE_CARD = {
  currency: 'VND',
  cpdPrice: '10000000',
  cpmPrice: '50000',
  sponsorshipDayPrice: '30000000',
  vatRateBp: 1000,
  seasonalMultipliers: [],
  volumeDiscounts: [{ basis: 'days', atLeast: 7, discountBp: 1000 }],
  commissionTiers: [{ atLeast: '0', commissionBp: 1500 }],
  cancellationPenalties: [
    { noticeHoursUnder: 24, penaltyBp: 10000 },
    { noticeHoursUnder: 72, penaltyBp: 7000 },
  ],
};

/** A unit on the site with a rate card, ready to book. */
export async function bookableUnit(
  agency: TestAgency,
  siteId: string,
  code: string,
  capacity = 10_000,
): Promise<AdUnitView> {
  const unit = await agency.api.post<AdUnitView>('/v1/advertising/ad-units', unitBody(siteId, code, capacity));
  if (unit.status !== 201)
    throw new Error(`creating unit ${code} answered ${unit.status}: ${JSON.stringify(unit.body)}`);
  const card = await agency.api.put(`/v1/advertising/ad-units/${unit.body.id}/rate-card`, RATE_CARD);
  if (card.status !== 200) throw new Error(`rate card answered ${card.status}: ${JSON.stringify(card.body)}`);
  return unit.body;
}

/** An advertiser of the agency and a client holding its own key. */
export async function advertiserWithKey(
  agency: TestAgency,
  api: Api,
  name: string,
  fields: Record<string, unknown> = {},
): Promise<{ advertiser: AdvertiserView; client: Api }> {
  const advertiser = await agency.api.post<AdvertiserView>('/v1/advertising/advertisers', {
    name,
    category: 'banking',
    ...fields,
  });
  if (advertiser.status !== 201) throw new Error(`advertiser answered ${advertiser.status}`);
  const key = await agency.api.post<{ secret: string }>(`/v1/advertising/advertisers/${advertiser.body.id}/api-keys`, {
    name: `${name} key`,
  });
  if (key.status !== 201) throw new Error(`advertiser key answered ${key.status}: ${JSON.stringify(key.body)}`);
  return { advertiser: advertiser.body, client: api.as({ bearer: key.body.secret }) };
}

export function cpmLine(adUnitId: string, impressionsPerDay: number, from = dayFromToday(3), to = from) {
  return { adUnitId, pricingModel: 'cpm', flightStart: from, flightEnd: to, impressionsPerDay };
}

export async function placeOrder(client: Api, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return client.post<OrderView>('/v1/advertising/orders', { name: 'Chiến dịch Tết', ...body }, headers);
}
