import { createHash } from 'node:crypto';
import type { ArticleAccess } from '../decisions/decision-types';
import { ARTICLE_KEY_BYTES, SECTION_KEY_BYTES } from '../decisions/meter-tokens';

/** The article as the decision needs it when the CMS has not told us about it: metered. */
export function articleAccess(articleId: string, section: string | null): ArticleAccess {
  return {
    id: articleId,
    meterKey: shortHash(articleId, ARTICLE_KEY_BYTES),
    section,
    sectionKey: section === null ? null : shortHash(section, SECTION_KEY_BYTES),
    tags: [],
    publishedAt: null,
    accessLevel: 'metered',
    lockAfterDays: null,
    freeAfterDays: null,
  };
}

/** The first `bytes` bytes of the SHA-256, in base64url (what meter tokens carry as bytes). */
function shortHash(text: string, bytes: number): string {
  return createHash('sha256').update(text).digest().toString('base64url', 0, bytes);
}
