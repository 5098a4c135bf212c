import type { ArticleAccessLevel } from '@libs/contracts';

/** One author as stored: no contributor id is null. */
export interface ArticleAuthorContent {
  name: string;
  contributorId: string | null;
}

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
  headline: string | null;
  body: string | null;
  bodyUrl: string | null;
  language: string | null;
  authors: ArticleAuthorContent[];
  rightsHolder: string | null;
  embargoUntil: Date | null;
  licensable: boolean;
  excludedTerritories: string[];
}
