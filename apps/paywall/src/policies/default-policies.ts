import { randomUUID } from 'node:crypto';
import type { PolicyView } from '@libs/contracts';

/** What a new agency starts with: premium articles behind a subscription, then a monthly meter of five. */
export function defaultPolicies(): PolicyView[] {
  return [
    {
      id: randomUUID(),
      name: 'Premium articles need a subscription',
      siteId: null,
      active: true,
      rule: { kind: 'freemium', entitlement: 'premium-articles' },
      conditions: {},
    },
    {
      id: randomUUID(),
      name: 'Five free articles a month',
      siteId: null,
      active: true,
      rule: {
        kind: 'metered',
        limit: 5,
        window: 'calendar-month',
        perSection: false,
        registrationBonus: 0,
        entitlement: 'premium-articles',
      },
      conditions: {},
    },
  ];
}
