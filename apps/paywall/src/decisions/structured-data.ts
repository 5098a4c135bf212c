import type { ArticleStructuredData } from '@libs/contracts';
import { decide } from './decide';
import type { ArticleAccess, PaywallPolicy } from './decision-types';

/**
 * What search engines are told about an article (schema.org paywalled content), from the same
 * decision readers get: an article a new anonymous reader may open without a meter is free;
 * anything metered or closed is not, and the part behind the paywall is named by `cssSelector`.
 */
export function structuredDataOf(
  article: ArticleAccess,
  policies: readonly PaywallPolicy[],
  when: { now: number; today: number },
  cssSelector: string,
): ArticleStructuredData {
  const decision = decide({
    article,
    policies,
    reads: [],
    now: when.now,
    today: when.today,
    reader: { segment: 'anonymous', entitlements: new Set(), country: null, device: 'desktop', referrerHost: null },
  });
  if (decision.access === 'allow')
    return { '@context': 'https://schema.org', '@type': 'NewsArticle', isAccessibleForFree: true };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    isAccessibleForFree: false,
    hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector },
  };
}
