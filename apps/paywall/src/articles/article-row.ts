import type { ArticleContent } from './article-content';

/** An article as stored: plain data as the repository answers it, no entity instance. */
export interface ArticleRow extends ArticleContent {
  tenantId: string;
  version: number;
  deletedAt: Date | null;
  updatedAt: Date;
}
