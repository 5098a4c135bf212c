import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ArticleAccessLevel } from '@libs/contracts';
import type { ArticleContent } from './article-content';
import type { ArticleRow, WrittenArticleRow } from './article-row';

/** Everything stored but the text, of which reads take only the size (the decision engine loads these for every article). */
const COLUMNS = `tenant_id AS "tenantId", article_id AS "articleId", site_id AS "siteId", url, section, tags, author,
  published_at AS "publishedAt", access_level AS "accessLevel", lock_after_days AS "lockAfterDays",
  free_after_days AS "freeAfterDays", headline, octet_length(body) AS "bodyBytes", body_url AS "bodyUrl", language,
  authors, rights_holder AS "rightsHolder", embargo_until AS "embargoUntil", licensable,
  excluded_territories AS "excludedTerritories", version, deleted_at AS "deletedAt", updated_at AS "updatedAt"`;

/** What a write answers: the text too, for the event that publishes it. */
const WRITTEN_COLUMNS = `${COLUMNS}, body`;

/** What the CMS may change; a row differs from what is given when any of these does. */
const CONTENT = [
  'site_id',
  'url',
  'section',
  'tags',
  'author',
  'published_at',
  'access_level',
  'lock_after_days',
  'free_after_days',
  'headline',
  'body',
  'body_url',
  'language',
  'authors',
  'rights_holder',
  'embargo_until',
  'licensable',
  'excluded_territories',
];

export interface ArticlePageFilter {
  section?: string;
  accessLevel?: ArticleAccessLevel;
  /** Only articles whose id sorts after this one. */
  after?: string;
}

/** The only code that writes SQL for articles. */
@Injectable()
export class ArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the articles not there yet, and replaces those that differ from what is given or were
   * deleted (version + 1, revived), in one statement. Answers only the rows that really changed;
   * an article given exactly as it is stays as it is. Ids must be distinct.
   */
  upsertAll(tx: EntityManager, tenantId: string, articles: ArticleContent[]): Promise<WrittenArticleRow[]> {
    const given = articles.map((a) => ({
      article_id: a.articleId,
      site_id: a.siteId,
      url: a.url,
      section: a.section,
      tags: a.tags,
      author: a.author,
      published_at: a.publishedAt?.toISOString() ?? null,
      access_level: a.accessLevel,
      lock_after_days: a.lockAfterDays,
      free_after_days: a.freeAfterDays,
      headline: a.headline,
      body: a.body,
      body_url: a.bodyUrl,
      language: a.language,
      authors: a.authors,
      rights_holder: a.rightsHolder,
      embargo_until: a.embargoUntil?.toISOString() ?? null,
      licensable: a.licensable,
      excluded_territories: a.excludedTerritories,
    }));
    return tx.query(
      `INSERT INTO paywall.articles AS a (tenant_id, article_id, ${CONTENT.join(', ')}, version)
       SELECT $1, i.article_id, ${CONTENT.map((c) => `i.${c}`).join(', ')}, 1
         FROM jsonb_to_recordset($2::jsonb) AS i(article_id text, site_id uuid, url text, section text, tags text[], author text,
              published_at timestamptz, access_level text, lock_after_days integer, free_after_days integer,
              headline text, body text, body_url text, language text, authors jsonb, rights_holder text,
              embargo_until timestamptz, licensable boolean, excluded_territories text[])
       ON CONFLICT (tenant_id, article_id) DO UPDATE
          SET ${CONTENT.map((c) => `${c} = excluded.${c}`).join(', ')}, version = a.version + 1, deleted_at = NULL, updated_at = now()
        WHERE a.deleted_at IS NOT NULL
           OR (${CONTENT.map((c) => `a.${c}`).join(', ')}) IS DISTINCT FROM (${CONTENT.map((c) => `excluded.${c}`).join(', ')})
       RETURNING ${WRITTEN_COLUMNS}`,
      [tenantId, JSON.stringify(given)],
    );
  }

  async findLiveOfTenant(manager: EntityManager, tenantId: string, articleId: string): Promise<ArticleRow | null> {
    const rows: ArticleRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM paywall.articles WHERE tenant_id = $1 AND article_id = $2 AND deleted_at IS NULL`,
      [tenantId, articleId],
    );
    return rows[0] ?? null;
  }

  /** Live articles of a tenant by article id, from `filter.after` on, at most `limit`. */
  findPageOfTenant(tenantId: string, filter: ArticlePageFilter, limit: number): Promise<ArticleRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM paywall.articles
        WHERE tenant_id = $1 AND deleted_at IS NULL
          AND ($2::text IS NULL OR section = $2) AND ($3::text IS NULL OR access_level = $3) AND ($4::text IS NULL OR article_id > $4)
        ORDER BY article_id LIMIT $5`,
      [tenantId, filter.section ?? null, filter.accessLevel ?? null, filter.after ?? null, limit],
    );
  }

  /** Marks a live article deleted (version + 1) and answers it; null when there is none. */
  async markDeleted(tx: EntityManager, tenantId: string, articleId: string): Promise<WrittenArticleRow | null> {
    const [rows]: [WrittenArticleRow[], number] = await tx.query(
      `UPDATE paywall.articles SET deleted_at = now(), version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND article_id = $2 AND deleted_at IS NULL
        RETURNING ${WRITTEN_COLUMNS}`,
      [tenantId, articleId],
    );
    return rows[0] ?? null;
  }

  /**
   * Every live article of every agency, ordered by tenant and article id (the primary key's
   * order, so a cursor over it streams without sorting): what the decision engine loads at start,
   * without the texts.
   */
  findAllLive(manager: EntityManager = this.dataSource.manager): Promise<ArticleRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM paywall.articles WHERE deleted_at IS NULL ORDER BY tenant_id, article_id`,
    );
  }
}
