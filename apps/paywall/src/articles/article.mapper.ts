import type { ArticleChangedEvent, ArticleView, UpsertArticleRequest } from '@libs/contracts';
import type { ArticleContent } from './article-content';
import type { ArticleRow } from './article-row';

/** What a request says, with absent fields made explicit; instants kept to the millisecond. */
export function contentOf(request: UpsertArticleRequest): ArticleContent {
  return {
    articleId: request.articleId,
    siteId: request.siteId ?? null,
    url: request.url,
    section: request.section ?? null,
    tags: request.tags ?? [],
    author: request.author ?? null,
    publishedAt: request.publishedAt ? new Date(request.publishedAt) : null,
    accessLevel: request.accessLevel,
    lockAfterDays: request.lockAfterDays ?? null,
    freeAfterDays: request.freeAfterDays ?? null,
  };
}

export function toView(row: ArticleRow): ArticleView {
  return { ...publicFields(row), version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export function toChangedEvent(row: ArticleRow): ArticleChangedEvent {
  return { ...publicFields(row), version: row.version, deleted: row.deletedAt !== null };
}

function publicFields(row: ArticleRow) {
  return {
    articleId: row.articleId,
    siteId: row.siteId,
    url: row.url,
    section: row.section,
    tags: row.tags,
    author: row.author,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    accessLevel: row.accessLevel,
    lockAfterDays: row.lockAfterDays,
    freeAfterDays: row.freeAfterDays,
  };
}
