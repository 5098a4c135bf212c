import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  ArticleBulkUpsertResult,
  ArticleChanged,
  ArticleListQuery,
  ArticleListResponse,
  ArticleView,
  UpsertArticleRequest,
} from '@libs/contracts';
import { contentOf, toChangedEvent, toView } from './article.mapper';
import type { WrittenArticleRow } from './article-row';
import { ArticleRepository } from './article.repository';

const DEFAULT_PAGE = 50;

/**
 * Article access metadata pushed by the agency's CMS. Every real change (created, changed,
 * deleted, revived) gets the next version and is published and audited in the same transaction
 * (a bulk push as one audit record naming the articles); the same metadata given again changes
 * nothing.
 */
@Injectable()
export class ArticlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  upsert(tenantId: string, request: UpsertArticleRequest): Promise<ArticleView> {
    return this.dataSource.transaction(async (tx) => {
      const before = await this.articles.findLiveOfTenant(tx, tenantId, request.articleId);
      const [changed] = await this.write(tx, tenantId, [request]);
      if (changed) {
        const action = before ? 'article.changed' : changed.version === 1 ? 'article.created' : 'article.revived';
        await this.audit.record(tx, {
          tenantId,
          action,
          targetType: 'article',
          targetId: changed.articleId,
          before: before && toView(before),
          after: toView(changed),
        });
      }
      const row = changed ?? before;
      if (!row) throw new Error(`article ${request.articleId} neither written nor found`);
      return toView(row);
    });
  }

  /** All or nothing: a duplicate id refuses the whole batch before anything is written. */
  upsertAll(tenantId: string, items: UpsertArticleRequest[]): Promise<ArticleBulkUpsertResult> {
    refuseDuplicates(items);
    return this.dataSource.transaction(async (tx) => {
      const changed = await this.write(tx, tenantId, items);
      const created = changed.filter((row) => row.version === 1).map((row) => row.articleId);
      const updated = changed.filter((row) => row.version > 1).map((row) => row.articleId);
      if (changed.length > 0) {
        await this.audit.record(tx, {
          tenantId,
          action: 'articles.bulk-upserted',
          targetType: 'articles',
          targetId: tenantId,
          before: null,
          after: { created, updated },
        });
      }
      return { created: created.length, updated: updated.length, unchanged: items.length - changed.length };
    });
  }

  async get(tenantId: string, articleId: string): Promise<ArticleView> {
    const row = await this.articles.findLiveOfTenant(this.dataSource.manager, tenantId, articleId);
    if (!row) throw new NotFoundError('article', articleId);
    return toView(row);
  }

  async list(tenantId: string, query: ArticleListQuery): Promise<ArticleListResponse> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.articles.findPageOfTenant(tenantId, query, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map(toView), nextAfter: rows.length > limit ? page[page.length - 1].articleId : null };
  }

  delete(tenantId: string, articleId: string): Promise<ArticleView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.articles.markDeleted(tx, tenantId, articleId);
      if (!row) throw new NotFoundError('article', articleId);
      await this.publish(tx, tenantId, [row]);
      await this.audit.record(tx, {
        tenantId,
        action: 'article.deleted',
        targetType: 'article',
        targetId: articleId,
        before: { ...toView(row), deletedAt: null },
        after: null,
      });
      return toView(row);
    });
  }

  private async write(
    tx: EntityManager,
    tenantId: string,
    items: UpsertArticleRequest[],
  ): Promise<WrittenArticleRow[]> {
    const changed = await this.articles.upsertAll(tx, tenantId, items.map(contentOf));
    changed.sort((x, y) => (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0));
    await this.publish(tx, tenantId, changed);
    return changed;
  }

  private async publish(tx: EntityManager, tenantId: string, rows: WrittenArticleRow[]): Promise<void> {
    await this.outbox.addAll(
      tx,
      ArticleChanged,
      rows.map((row) => ({ tenantId, subject: row.articleId, data: toChangedEvent(row) })),
    );
  }
}

function refuseDuplicates(items: UpsertArticleRequest[]): void {
  const firstAt = new Map<string, number>();
  const errors = items.flatMap((item, index) => {
    const first = firstAt.get(item.articleId);
    if (first === undefined) {
      firstAt.set(item.articleId, index);
      return [];
    }
    return [
      {
        field: `items[${index}].articleId`,
        message: `articleId ${item.articleId} is already given at items[${first}]`,
      },
    ];
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
}
