import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CatalogArticle } from './catalog-article.entity';

const SUMMARY_COLUMNS = `tenant_id AS "tenantId", article_id AS "articleId", site_id AS "siteId", url, section, headline,
  body IS NOT NULL AS "hasBody", body_url AS "bodyUrl", language, authors, rights_holder AS "rightsHolder",
  published_at AS "publishedAt", embargo_until AS "embargoUntil", licensable,
  excluded_territories AS "excludedTerritories", version, deleted, updated_at AS "updatedAt"`;

/** A catalog article without its text, as lists read it. */
export type CatalogArticleSummaryRow = Omit<CatalogArticle, 'body'> & { hasBody: boolean };

export interface CatalogPageFilter {
  licensable?: boolean;
  /** Words the headline holds, case-insensitively. */
  words?: string;
  /** A language tag: articles in it or in a narrower one (`vi` finds `vi` and `vi-VN`, RFC 4647 basic filtering). */
  language?: string;
  section?: string;
  /** Only articles whose id sorts after this one. */
  after?: string;
}

/** The only code that writes SQL for the catalog. */
@Injectable()
export class CatalogArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps this state of the article if it is newer than the one held (or none is): an older or repeated version changes nothing. */
  async upsertNewer(tx: EntityManager, article: Omit<CatalogArticle, 'updatedAt'>): Promise<void> {
    const columns: [string, unknown][] = [
      ['tenant_id', article.tenantId],
      ['article_id', article.articleId],
      ['site_id', article.siteId],
      ['url', article.url],
      ['section', article.section],
      ['headline', article.headline],
      ['body', article.body],
      ['body_url', article.bodyUrl],
      ['language', article.language],
      ['authors', JSON.stringify(article.authors)],
      ['rights_holder', article.rightsHolder],
      ['published_at', article.publishedAt],
      ['embargo_until', article.embargoUntil],
      ['licensable', article.licensable],
      ['excluded_territories', article.excludedTerritories],
      ['version', article.version],
      ['deleted', article.deleted],
    ];
    const names = columns.map(([name]) => name);
    const changed = names.filter((name) => name !== 'tenant_id' && name !== 'article_id');
    await tx.query(
      `INSERT INTO licensing.catalog_articles AS c (${names.join(', ')}, updated_at)
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, now())
       ON CONFLICT (tenant_id, article_id) DO UPDATE
          SET ${changed.map((name) => `${name} = excluded.${name}`).join(', ')}, updated_at = now()
        WHERE c.version < excluded.version`,
      columns.map(([, value]) => value),
    );
  }

  /** Live articles of a tenant by article id, from `filter.after` on, at most `limit`, without their texts. */
  findPageOfTenant(tenantId: string, filter: CatalogPageFilter, limit: number): Promise<CatalogArticleSummaryRow[]> {
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM licensing.catalog_articles
        WHERE tenant_id = $1 AND NOT deleted
          AND ($2::boolean IS NULL OR licensable = $2)
          AND ($3::text IS NULL OR headline ILIKE '%' || $3 || '%')
          AND ($4::text IS NULL OR lower(language) = lower($4) OR lower(language) LIKE lower($4) || '-%')
          AND ($5::text IS NULL OR section = $5)
          AND ($6::text IS NULL OR article_id > $6)
        ORDER BY article_id LIMIT $7`,
      [
        tenantId,
        filter.licensable ?? null,
        filter.words === undefined ? null : filter.words.replace(/[\\%_]/g, '\\$&'),
        filter.language ?? null,
        filter.section ?? null,
        filter.after ?? null,
        limit,
      ],
    );
  }

  /** A live article of the tenant with its text; null when there is none (or it is deleted). */
  async findLiveOfTenant(
    tenantId: string,
    articleId: string,
  ): Promise<(CatalogArticleSummaryRow & { body: string | null }) | null> {
    const rows: (CatalogArticleSummaryRow & { body: string | null })[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, body FROM licensing.catalog_articles
        WHERE tenant_id = $1 AND article_id = $2 AND NOT deleted`,
      [tenantId, articleId],
    );
    return rows[0] ?? null;
  }
}
