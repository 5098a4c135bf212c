import type { ArticleChangedEvent, CatalogArticleSummary, CatalogArticleView } from '@libs/contracts';
import type { CatalogArticle } from './catalog-article.entity';
import type { CatalogArticleSummaryRow } from './catalog-article.repository';

/**
 * What the catalog keeps of an article's change: licensing's fields, not the paywall's (access
 * level, meters, tags). Fields an older event lacks mean none: not licensable. A deleted article
 * keeps no text.
 */
export function catalogArticleOf(tenantId: string, change: ArticleChangedEvent): Omit<CatalogArticle, 'updatedAt'> {
  return {
    tenantId,
    articleId: change.articleId,
    siteId: change.siteId,
    url: change.url,
    section: change.section,
    headline: change.headline ?? null,
    body: change.deleted ? null : (change.body ?? null),
    bodyUrl: change.bodyUrl ?? null,
    language: change.language ?? null,
    authors: (change.authors ?? []).map((a) => ({ name: a.name, contributorId: a.contributorId ?? null })),
    rightsHolder: change.rightsHolder ?? null,
    publishedAt: change.publishedAt ? new Date(change.publishedAt) : null,
    embargoUntil: change.embargoUntil ? new Date(change.embargoUntil) : null,
    licensable: change.licensable ?? false,
    excludedTerritories: change.excludedTerritories ?? [],
    version: change.version,
    deleted: change.deleted,
  };
}

export function toSummary(row: CatalogArticleSummaryRow): CatalogArticleSummary {
  return {
    articleId: row.articleId,
    siteId: row.siteId,
    url: row.url,
    section: row.section,
    headline: row.headline,
    hasBody: row.hasBody,
    bodyUrl: row.bodyUrl,
    language: row.language,
    authors: row.authors,
    rightsHolder: row.rightsHolder,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    embargoUntil: row.embargoUntil?.toISOString() ?? null,
    licensable: row.licensable,
    excludedTerritories: row.excludedTerritories,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toView(row: CatalogArticleSummaryRow & { body: string | null }): CatalogArticleView {
  return { ...toSummary(row), body: row.body };
}
