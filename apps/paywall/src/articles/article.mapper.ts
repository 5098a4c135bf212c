import {
  canonicalLanguageTag,
  type ArticleChangedEvent,
  type ArticleView,
  type UpsertArticleRequest,
} from '@libs/contracts';
import type { ArticleAccessChange } from '../memory/article-access-change';
import type { ArticleContent } from './article-content';
import type { ArticleRow, WrittenArticleRow } from './article-row';

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
    headline: request.headline ?? null,
    body: request.body ?? null,
    bodyUrl: request.bodyUrl ?? null,
    language: request.language ? (canonicalLanguageTag(request.language) ?? request.language) : null,
    authors: (request.authors ?? []).map((a) => ({ name: a.name, contributorId: a.contributorId ?? null })),
    rightsHolder: request.rightsHolder ?? null,
    embargoUntil: request.embargoUntil ? new Date(request.embargoUntil) : null,
    licensable: request.licensable ?? false,
    excludedTerritories: request.excludedTerritories ?? [],
  };
}

export function toView(row: ArticleRow): ArticleView {
  return {
    ...publicFields(row),
    bodyBytes: row.bodyBytes,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toChangedEvent(row: WrittenArticleRow): ArticleChangedEvent {
  return { ...publicFields(row), body: row.body, version: row.version, deleted: row.deletedAt !== null };
}

/** What the decision engine keeps of an article read from the database. */
export function toAccessChange(row: ArticleRow): ArticleAccessChange {
  const { articleId, siteId, section, tags, accessLevel, lockAfterDays, freeAfterDays, version } = row;
  return {
    articleId,
    siteId,
    section,
    tags,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    accessLevel,
    lockAfterDays,
    freeAfterDays,
    version,
    deleted: row.deletedAt !== null,
  };
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
    headline: row.headline,
    bodyUrl: row.bodyUrl,
    language: row.language,
    authors: row.authors,
    rightsHolder: row.rightsHolder,
    embargoUntil: row.embargoUntil?.toISOString() ?? null,
    licensable: row.licensable,
    excludedTerritories: row.excludedTerritories,
  };
}
