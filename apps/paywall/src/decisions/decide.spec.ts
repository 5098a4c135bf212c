import { decide, DecisionInput, firstDayOfWindow } from './decide';
import type {
  Access,
  ArticleAccess,
  MeteredRead,
  PaywallPolicy,
  PolicyConditions,
  PolicyRule,
  ReaderContext,
} from './decision-types';

const DAY = 86_400_000;
// 2026-11-28 10:00 in Asia/Ho_Chi_Minh; local day number of that date.
const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);
const TODAY = Math.floor(Date.UTC(2026, 10, 28) / DAY);
const CALENDAR = { kind: 'calendar-month' } as const;

const article = (overrides: Partial<ArticleAccess> = {}): ArticleAccess => ({
  id: 'a-new',
  meterKey: 'a-new',
  section: 'thoi-su',
  sectionKey: 'thoi-su',
  tags: [],
  publishedAt: new Date(NOW - 3 * DAY),
  accessLevel: 'metered',
  lockAfterDays: null,
  freeAfterDays: null,
  ...overrides,
});
const reader = (overrides: Partial<ReaderContext> = {}): ReaderContext => ({
  segment: 'anonymous',
  entitlements: new Set(),
  country: 'VN',
  device: 'mobile',
  referrerHost: null,
  ...overrides,
});
const policy = (id: string, rule: PolicyRule, conditions: PolicyConditions = {}): PaywallPolicy => ({
  id,
  name: id,
  rule,
  conditions,
});
const metered = (
  limit: number,
  extra: Partial<Extract<PolicyRule, { kind: 'metered' }>> = {},
  conditions: PolicyConditions = {},
) =>
  policy(
    'meter',
    {
      kind: 'metered',
      limit,
      window: CALENDAR,
      perSection: false,
      registrationBonus: 0,
      entitlement: 'premium-articles',
      ...extra,
    },
    conditions,
  );
const freemium = policy('freemium', { kind: 'freemium', entitlement: 'premium-articles' });
const reads = (n: number, day = TODAY, section: string | null = 'thoi-su'): MeteredRead[] =>
  Array.from({ length: n }, (_, i) => ({ article: `read-${i}`, section, day }));

const input = (overrides: Partial<DecisionInput>): DecisionInput => ({
  article: article(),
  reader: reader(),
  reads: [],
  now: NOW,
  today: TODAY,
  policies: [freemium, metered(5)],
  ...overrides,
});

interface Row {
  name: string;
  given: Partial<DecisionInput>;
  access: Access;
  policyId?: string | null;
  remaining?: number | null;
  counts?: boolean;
}

const table: Row[] = [
  {
    name: 'a free article is open to anyone',
    given: { article: article({ accessLevel: 'free' }) },
    access: 'allow',
    policyId: null,
    counts: false,
  },
  {
    name: 'freemium: a premium article is blocked without the entitlement',
    given: { article: article({ accessLevel: 'premium' }) },
    access: 'block',
    policyId: 'freemium',
  },
  {
    name: 'freemium: a premium article is open with the entitlement',
    given: {
      article: article({ accessLevel: 'premium' }),
      reader: reader({ segment: 'subscriber', entitlements: new Set(['premium-articles']) }),
    },
    access: 'allow',
    policyId: 'freemium',
  },
  { name: 'metered: the first read counts', given: {}, access: 'meter', policyId: 'meter', remaining: 4, counts: true },
  { name: 'metered: the last free read', given: { reads: reads(4) }, access: 'meter', remaining: 0, counts: true },
  {
    name: 'metered: past the limit is blocked',
    given: { reads: reads(5) },
    access: 'block',
    policyId: 'meter',
    remaining: 0,
    counts: false,
  },
  {
    name: 'metered: a re-read in the period never counts twice',
    given: { reads: [...reads(4), { article: 'a-new', section: 'thoi-su', day: TODAY - 2 }] },
    access: 'meter',
    remaining: 0,
    counts: false,
  },
  {
    name: 'metered: a re-read at the limit stays open',
    given: { reads: [...reads(4), { article: 'a-new', section: 'thoi-su', day: TODAY - 2 }] },
    access: 'meter',
    counts: false,
  },
  {
    name: 'metered: last month’s reads do not count (calendar month)',
    given: { reads: reads(5, TODAY - 28) },
    access: 'meter',
    remaining: 4,
    counts: true,
  },
  {
    name: 'metered: a rolling window counts the last N days',
    given: { reads: reads(5, TODAY - 28), policies: [metered(5, { window: { kind: 'rolling', days: 30 } })] },
    access: 'block',
  },
  {
    name: 'metered: a rolling window forgets older reads',
    given: { reads: reads(5, TODAY - 30), policies: [metered(5, { window: { kind: 'rolling', days: 30 } })] },
    access: 'meter',
    remaining: 4,
  },
  {
    name: 'metered per section: other sections do not count',
    given: { reads: reads(5, TODAY, 'the-thao'), policies: [metered(5, { perSection: true })] },
    access: 'meter',
    remaining: 4,
  },
  {
    name: 'metered per section: the same section counts',
    given: { reads: reads(5, TODAY, 'thoi-su'), policies: [metered(5, { perSection: true })] },
    access: 'block',
  },
  {
    name: 'metered: holders of the entitlement are not metered',
    given: { reads: reads(9), reader: reader({ segment: 'subscriber', entitlements: new Set(['premium-articles']) }) },
    access: 'allow',
    counts: false,
  },
  {
    name: 'registration wall: anonymous past the limit must register',
    given: { reads: reads(5), policies: [metered(5, { registrationBonus: 3 })] },
    access: 'register',
    policyId: 'meter',
  },
  {
    name: 'registration wall: a registered reader gets the bonus',
    given: {
      reads: reads(5),
      reader: reader({ segment: 'registered' }),
      policies: [metered(5, { registrationBonus: 3 })],
    },
    access: 'meter',
    remaining: 2,
    counts: true,
  },
  {
    name: 'registration wall: past limit and bonus is blocked',
    given: {
      reads: reads(8),
      reader: reader({ segment: 'registered' }),
      policies: [metered(5, { registrationBonus: 3 })],
    },
    access: 'block',
  },
  {
    name: 'registration policy: anonymous readers must register after the free ones',
    given: {
      reads: reads(2),
      policies: [policy('reg', { kind: 'registration', freeArticles: 2, window: CALENDAR }), metered(10)],
    },
    access: 'register',
    policyId: 'reg',
  },
  {
    name: 'registration policy: registered readers go on to the next policy',
    given: {
      reads: reads(2),
      reader: reader({ segment: 'registered' }),
      policies: [policy('reg', { kind: 'registration', freeArticles: 2, window: CALENDAR }), metered(10)],
    },
    access: 'meter',
    policyId: 'meter',
    remaining: 7,
  },
  {
    name: 'hard: a metered article needs the entitlement',
    given: { policies: [policy('hard', { kind: 'hard', entitlement: 'premium-articles' }), metered(5)] },
    access: 'block',
    policyId: 'hard',
  },
  {
    name: 'hard: free articles stay free',
    given: {
      article: article({ accessLevel: 'free' }),
      policies: [policy('hard', { kind: 'hard', entitlement: 'premium-articles' })],
    },
    access: 'allow',
  },
  {
    name: 'time-based: a new article is for subscribers',
    given: {
      policies: [
        policy('fresh', { kind: 'time-based', premiumForDays: 7, entitlement: 'premium-articles' }),
        metered(5),
      ],
    },
    access: 'block',
    policyId: 'fresh',
  },
  {
    name: 'time-based: an older article goes on to the meter',
    given: {
      article: article({ publishedAt: new Date(NOW - 8 * DAY) }),
      policies: [
        policy('fresh', { kind: 'time-based', premiumForDays: 7, entitlement: 'premium-articles' }),
        metered(5),
      ],
    },
    access: 'meter',
    policyId: 'meter',
  },
  {
    name: 'article age: a premium article opens after freeAfterDays',
    given: { article: article({ accessLevel: 'premium', freeAfterDays: 2 }) },
    access: 'allow',
    policyId: null,
  },
  {
    name: 'article age: an article locks after lockAfterDays (archive)',
    given: { article: article({ accessLevel: 'free', lockAfterDays: 1 }) },
    access: 'block',
    policyId: 'freemium',
  },
  {
    name: 'segments: a policy for anonymous readers skips registered ones',
    given: {
      reads: reads(1),
      reader: reader({ segment: 'registered' }),
      policies: [metered(1, {}, { segments: ['anonymous'] }), metered(3)],
    },
    access: 'meter',
    remaining: 1,
  },
  {
    name: 'countries: a policy for VN readers applies to them',
    given: { reads: reads(1), policies: [metered(1, {}, { countries: ['VN'] }), metered(3)] },
    access: 'block',
  },
  {
    name: 'countries: and not to a reader from elsewhere',
    given: {
      reads: reads(1),
      reader: reader({ country: 'US' }),
      policies: [metered(1, {}, { countries: ['VN'] }), metered(3)],
    },
    access: 'meter',
  },
  {
    name: 'countries: an unknown country matches no list',
    given: {
      reads: reads(1),
      reader: reader({ country: null }),
      policies: [metered(1, {}, { countries: ['VN'] }), metered(3)],
    },
    access: 'meter',
  },
  {
    name: 'devices: a desktop-only policy skips mobile readers',
    given: { reads: reads(1), policies: [metered(1, {}, { devices: ['desktop'] }), metered(3)] },
    access: 'meter',
  },
  {
    name: 'referrers: a host suffix matches subdomains',
    given: {
      reads: reads(1),
      reader: reader({ referrerHost: 'news.google.com' }),
      policies: [metered(1, {}, { referrers: ['google.com'] }), metered(3)],
    },
    access: 'block',
  },
  {
    name: 'referrers: and not look-alike hosts',
    given: {
      reads: reads(1),
      reader: reader({ referrerHost: 'notgoogle.com' }),
      policies: [metered(1, {}, { referrers: ['google.com'] }), metered(3)],
    },
    access: 'meter',
  },
  {
    name: 'sections and tags: a policy for one section skips others',
    given: {
      article: article({ section: 'the-thao' }),
      policies: [policy('hard', { kind: 'hard', entitlement: 'x' }, { sections: ['kinh-te'] }), metered(3)],
    },
    access: 'meter',
  },
  {
    name: 'tags: any tag of the list matches',
    given: {
      article: article({ tags: ['doc-quyen', 'covid'] }),
      policies: [policy('hard', { kind: 'hard', entitlement: 'x' }, { tags: ['doc-quyen'] }), metered(3)],
    },
    access: 'block',
    policyId: 'hard',
  },
  {
    name: 'dynamic: a likely segment gets the low limit',
    given: {
      reads: reads(2),
      reader: reader({ segment: 'registered' }),
      policies: [
        policy('dyn', {
          kind: 'dynamic',
          threshold: 0.5,
          limitWhenLikely: 2,
          limitOtherwise: 8,
          window: CALENDAR,
          propensity: { registered: 0.7 },
          entitlement: 'premium-articles',
        }),
      ],
    },
    access: 'block',
    policyId: 'dyn',
  },
  {
    name: 'dynamic: an unlikely segment gets the high limit',
    given: {
      reads: reads(2),
      policies: [
        policy('dyn', {
          kind: 'dynamic',
          threshold: 0.5,
          limitWhenLikely: 2,
          limitOtherwise: 8,
          window: CALENDAR,
          propensity: { registered: 0.7 },
          entitlement: 'premium-articles',
        }),
      ],
    },
    access: 'meter',
    remaining: 5,
  },
  {
    name: 'dynamic: a segment and country score wins over the segment',
    given: {
      reads: reads(2),
      policies: [
        policy('dyn', {
          kind: 'dynamic',
          threshold: 0.5,
          limitWhenLikely: 2,
          limitOtherwise: 8,
          window: CALENDAR,
          propensity: { anonymous: 0.1, 'anonymous:VN': 0.9 },
          entitlement: 'premium-articles',
        }),
      ],
    },
    access: 'block',
  },
  {
    name: 'no policy: a premium article still needs premium-articles',
    given: { article: article({ accessLevel: 'premium' }), policies: [] },
    access: 'block',
    policyId: null,
  },
  { name: 'no policy: a metered article is open', given: { policies: [] }, access: 'allow', policyId: null },
  {
    name: 'reads dated in the future (forged clock) do not count',
    given: { reads: reads(5, TODAY + 3) },
    access: 'meter',
    remaining: 4,
  },
];

describe('the paywall decision', () => {
  it.each(table)('$name', ({ given, access, policyId, remaining, counts }) => {
    const decision = decide(input(given));
    expect(decision.access).toBe(access);
    if (policyId !== undefined) expect(decision.policyId).toBe(policyId);
    if (remaining !== undefined) expect(decision.remaining).toBe(remaining);
    if (counts !== undefined) expect(decision.counts).toBe(counts);
    expect(decision.reason.length).toBeGreaterThan(0);
  });

  it('is pure: the same input gives the same answer', () => {
    const given = input({ reads: reads(3) });
    expect(decide(given)).toEqual(decide(given));
  });

  it('knows calendar months from local day numbers across a year end', () => {
    const dec31 = Math.floor(Date.UTC(2026, 11, 31) / DAY);
    expect(firstDayOfWindow(dec31 + 1, CALENDAR)).toBe(dec31 + 1);
    expect(firstDayOfWindow(dec31, CALENDAR)).toBe(dec31 - 30);
    expect(firstDayOfWindow(dec31, { kind: 'rolling', days: 30 })).toBe(dec31 - 29);
    const feb28 = Math.floor(Date.UTC(2027, 1, 28) / DAY);
    expect(firstDayOfWindow(feb28, CALENDAR)).toBe(feb28 - 27);
  });
});
