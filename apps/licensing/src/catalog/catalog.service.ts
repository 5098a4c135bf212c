import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import {
  ArticleChangedEvent,
  CatalogArticleListQuery,
  CatalogArticleListResponse,
  CatalogArticleView,
  canonicalLanguageTag,
} from '@libs/contracts';
import { catalogArticleOf, toSummary, toView } from './catalog-article.mapper';
import { CatalogArticleRepository } from './catalog-article.repository';

const DEFAULT_PAGE = 50;

/**
 * The agency's articles as licensing knows them: a projection of the paywall's articles, never
 * a second source of truth (the CMS changes them through the paywall's article API alone).
 */
@Injectable()
export class CatalogService {
  constructor(private readonly articles: CatalogArticleRepository) {}

  /** An article's change, in the consumer's transaction: the newest version is kept. */
  follow(tx: EntityManager, tenantId: string, change: ArticleChangedEvent): Promise<void> {
    return this.articles.upsertNewer(tx, catalogArticleOf(tenantId, change));
  }

  async list(tenantId: string, query: CatalogArticleListQuery): Promise<CatalogArticleListResponse> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.articles.findPageOfTenant(
      tenantId,
      {
        licensable: query.licensable === undefined ? undefined : query.licensable === 'true',
        words: query.q,
        language: query.language === undefined ? undefined : (canonicalLanguageTag(query.language) ?? query.language),
        section: query.section,
        after: query.after,
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return { items: page.map(toSummary), nextAfter: rows.length > limit ? page[page.length - 1].articleId : null };
  }

  async get(tenantId: string, articleId: string): Promise<CatalogArticleView> {
    const row = await this.articles.findLiveOfTenant(tenantId, articleId);
    if (!row) throw new NotFoundError('catalog article', articleId);
    return toView(row);
  }
}
