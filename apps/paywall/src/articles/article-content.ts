import type { ArticleAccessLevel } from '@libs/contracts';

/** What the CMS says about an article, normalized: absent fields are null (no tags: empty). */
export interface ArticleContent {
  articleId: string;
  siteId: string | null;
  url: string;
  section: string | null;
  tags: string[];
  author: string | null;
  publishedAt: Date | null;
  accessLevel: ArticleAccessLevel;
  lockAfterDays: number | null;
  freeAfterDays: number | null;
}
