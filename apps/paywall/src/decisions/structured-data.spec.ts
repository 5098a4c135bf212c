import type { ArticleAccess, PaywallPolicy } from './decision-types';
import { structuredDataOf } from './structured-data';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28, 3);
const when = { now: NOW, today: Math.floor(NOW / DAY) };
const article = (overrides: Partial<ArticleAccess>): ArticleAccess => ({
  id: 'a',
  meterKey: 'a',
  section: null,
  sectionKey: null,
  tags: [],
  publishedAt: new Date(NOW - DAY),
  accessLevel: 'metered',
  lockAfterDays: null,
  freeAfterDays: null,
  ...overrides,
});
const policies: PaywallPolicy[] = [
  { id: 'f', name: 'f', rule: { kind: 'freemium', entitlement: 'premium-articles' }, conditions: {} },
  {
    id: 'm',
    name: 'm',
    rule: {
      kind: 'metered',
      limit: 5,
      window: { kind: 'calendar-month' },
      perSection: false,
      registrationBonus: 0,
      entitlement: 'premium-articles',
    },
    conditions: {},
  },
];

describe('structured data for search engines', () => {
  it('calls a free article free, with no paywalled part', () => {
    expect(structuredDataOf(article({ accessLevel: 'free' }), policies, when, '.paywall')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      isAccessibleForFree: true,
    });
  });

  it('marks metered and premium articles as not free, naming the paywalled part', () => {
    for (const accessLevel of ['metered', 'premium'] as const) {
      expect(structuredDataOf(article({ accessLevel }), policies, when, '.noi-dung-premium')).toMatchObject({
        isAccessibleForFree: false,
        hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.noi-dung-premium' },
      });
    }
  });

  it('follows the policies and the article’s age, as decisions do', () => {
    expect(structuredDataOf(article({ accessLevel: 'metered' }), [], when, '.p').isAccessibleForFree).toBe(true);
    expect(
      structuredDataOf(article({ accessLevel: 'premium', freeAfterDays: 1 }), policies, when, '.p').isAccessibleForFree,
    ).toBe(true);
  });
});
