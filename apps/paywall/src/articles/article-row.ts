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

/** An article as stored: plain data as the repository answers it, no entity instance. */
export interface ArticleRow extends ArticleContent {
  tenantId: string;
  version: number;
  deletedAt: Date | null;
  updatedAt: Date;
}
