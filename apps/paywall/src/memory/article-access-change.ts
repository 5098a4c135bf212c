import type { ArticleChangedEvent } from '@libs/contracts';

/**
 * What the decision engine takes of an article's change: its access fields. Headline, text and
 * the other fields licensing follows never reach the paywall's memory.
 */
export type ArticleAccessChange = Pick<
  ArticleChangedEvent,
  | 'articleId'
  | 'siteId'
  | 'section'
  | 'tags'
  | 'publishedAt'
  | 'accessLevel'
  | 'lockAfterDays'
  | 'freeAfterDays'
  | 'version'
  | 'deleted'
>;
