import type { AdUnit } from './ad-unit.entity';

/** What a new agency starts with: the two IAB display sizes, a native slot and a takeover. */
export function defaultAdUnitsFor(tenantId: string): Partial<AdUnit>[] {
  return [
    { tenantId, code: 'leaderboard', name: 'Leaderboard', format: 'display', width: 728, height: 90, active: true },
    {
      tenantId,
      code: 'medium-rectangle',
      name: 'Medium rectangle',
      format: 'display',
      width: 300,
      height: 250,
      active: true,
    },
    { tenantId, code: 'in-article', name: 'In-article native', format: 'native', width: 0, height: 0, active: true },
    {
      tenantId,
      code: 'homepage-takeover',
      name: 'Homepage takeover',
      format: 'sponsorship',
      width: 0,
      height: 0,
      active: true,
    },
  ];
}
