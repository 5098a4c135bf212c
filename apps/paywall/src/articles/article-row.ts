import type { ArticleContent } from './article-content';

/**
 * An article as stored: plain data as the repository answers it, no entity instance. Its text is
 * left in the database (reads answer its size); only a write answers it, to publish it.
 */
export interface ArticleRow extends Omit<ArticleContent, 'body'> {
  tenantId: string;
  bodyBytes: number | null;
  version: number;
  deletedAt: Date | null;
  updatedAt: Date;
}

/** An article as a write answers it: with its text, for the event that publishes it. */
export interface WrittenArticleRow extends ArticleRow {
  body: string | null;
}
