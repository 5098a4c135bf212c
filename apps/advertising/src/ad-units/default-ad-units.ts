import type { AdUnit } from './ad-unit.entity';

type DefaultAdUnit = Pick<
  AdUnit,
  | 'tenantId'
  | 'siteId'
  | 'code'
  | 'name'
  | 'format'
  | 'width'
  | 'height'
  | 'sizes'
  | 'pageTypes'
  | 'sections'
  | 'dailyCapacity'
  | 'exclusiveSponsorship'
  | 'active'
>;

/**
 * What a new agency starts with: the two IAB display sizes, a native slot and a homepage takeover
 * sold as a sponsorship. They are on no site until ad ops place them (and only then bookable).
 */
export function defaultAdUnitsFor(tenantId: string): DefaultAdUnit[] {
  const unit = (fields: Omit<DefaultAdUnit, 'tenantId' | 'siteId' | 'sections' | 'active'>): DefaultAdUnit => ({
    tenantId,
    siteId: null,
    sections: [],
    active: true,
    ...fields,
  });
  const everyPage = ['home', 'section', 'article'];
  return [
    unit({
      code: 'leaderboard',
      name: 'Leaderboard',
      format: 'display',
      width: 728,
      height: 90,
      sizes: ['728x90'],
      pageTypes: everyPage,
      dailyCapacity: 500_000,
      exclusiveSponsorship: false,
    }),
    unit({
      code: 'medium-rectangle',
      name: 'Medium rectangle',
      format: 'display',
      width: 300,
      height: 250,
      sizes: ['300x250'],
      pageTypes: everyPage,
      dailyCapacity: 500_000,
      exclusiveSponsorship: false,
    }),
    unit({
      code: 'in-article',
      name: 'In-article native',
      format: 'native',
      width: 0,
      height: 0,
      sizes: ['native'],
      pageTypes: ['article'],
      dailyCapacity: 500_000,
      exclusiveSponsorship: false,
    }),
    unit({
      code: 'homepage-takeover',
      name: 'Homepage takeover',
      format: 'sponsorship',
      width: 0,
      height: 0,
      sizes: ['fluid'],
      pageTypes: ['home'],
      dailyCapacity: 1_000_000,
      exclusiveSponsorship: true,
    }),
  ];
}
