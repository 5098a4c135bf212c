import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderSponsoredArticleView, OrderStatus, SponsoredArticleView } from '@libs/contracts';

/** At most this many sponsored articles in one answer, newest first. */
const LISTED = 500;

/** Reads sponsored-article orders ("bài PR") as the site's CMS needs them. */
@Injectable()
export class SponsoredArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The agency's sponsored articles that are sold: approved, live or completed, or canceled after
   * they went live (the article was shown as sponsored), newest first.
   */
  async findSold(
    tenantId: string,
    filter: { siteId?: string; articleUrl?: string; articleId?: string },
  ): Promise<SponsoredArticleView[]> {
    const rows = (await this.dataSource.query(
      `SELECT o.id, o.status, o.advertiser_id, o.sponsored_article, l.ad_unit_id, u.site_id
       FROM advertising.orders o
       JOIN advertising.order_lines l ON l.order_id = o.id AND l.position = 0
       JOIN advertising.ad_units u ON u.id = l.ad_unit_id
       WHERE o.tenant_id = $1 AND o.sponsored_article IS NOT NULL
         AND (o.status IN ('approved', 'live', 'completed')
              OR (o.status = 'canceled' AND o.history @> '[{"to": "live"}]'::jsonb))
         AND ($2::uuid IS NULL OR u.site_id = $2)
         AND ($3::text IS NULL OR o.sponsored_article->>'articleUrl' = $3)
         AND ($4::text IS NULL OR o.sponsored_article->>'articleId' = $4)
       ORDER BY o.created_at DESC, o.id DESC LIMIT $5`,
      [tenantId, filter.siteId ?? null, filter.articleUrl ?? null, filter.articleId ?? null, LISTED],
    )) as {
      id: string;
      status: OrderStatus;
      advertiser_id: string;
      sponsored_article: OrderSponsoredArticleView;
      ad_unit_id: string;
      site_id: string;
    }[];
    return rows.map((row) => ({
      orderId: row.id,
      orderStatus: row.status,
      advertiserId: row.advertiser_id,
      siteId: row.site_id,
      adUnitId: row.ad_unit_id,
      articleUrl: row.sponsored_article.articleUrl,
      articleId: row.sponsored_article.articleId,
      headline: row.sponsored_article.headline,
      label: row.sponsored_article.label,
      exposureStart: row.sponsored_article.exposureStart,
      exposureEnd: row.sponsored_article.exposureEnd,
    }));
  }
}
