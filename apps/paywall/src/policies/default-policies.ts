import type { Policy } from './policy.entity';

/** What a new agency starts with: a monthly meter, and premium articles behind a subscription. */
export function defaultPoliciesFor(tenantId: string): Partial<Policy>[] {
  return [
    { tenantId, siteId: null, name: 'Premium articles need a subscription', kind: 'freemium', meterLimit: null, priority: 10, active: true },
    { tenantId, siteId: null, name: 'Five free articles a month', kind: 'metered', meterLimit: 5, priority: 100, active: true },
  ];
}
