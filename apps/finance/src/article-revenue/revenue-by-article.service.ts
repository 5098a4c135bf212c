import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ArticleRevenueRow,
  METRICS_MAX_MONTHS,
  RevenueByArticleRequest,
  RevenueByArticleResponse,
} from '@libs/contracts';
import { reportSpan } from '../calendar/calendar-month';

const DEFAULT_LIMIT = 100;

/**
 * Revenue per article. A subscription's payments count for the article of its checkout (the first
 * state that named one), whichever of the two facts finance heard first.
 */
@Injectable()
export class RevenueByArticleService {
  constructor(private readonly dataSource: DataSource) {}

  async report(tenantId: string, request: RevenueByArticleRequest): Promise<RevenueByArticleResponse> {
    reportSpan(request.from, request.to, METRICS_MAX_MONTHS);
    const rows: ArticleRevenueRow[] = await this.dataSource.query(
      `WITH period AS (SELECT to_date($2, 'YYYY-MM') AS first_day, (to_date($3, 'YYYY-MM') + interval '1 month')::date AS after_day),
       facts AS (
         SELECT r.article_id, r.stream, r.currency, r.amount
           FROM finance.article_revenue r JOIN period ON r.day >= period.first_day AND r.day < period.after_day
          WHERE r.tenant_id = $1
         UNION ALL
         SELECT converted.article_id, 'subscriptions', p.currency, p.amount
           FROM finance.subscription_payments p JOIN period ON p.day >= period.first_day AND p.day < period.after_day
           JOIN LATERAL (
             SELECT s.article_id FROM finance.subscription_states s
              WHERE s.tenant_id = p.tenant_id AND s.subscription_id = p.subscription_id AND s.article_id IS NOT NULL
              ORDER BY s.effective_at LIMIT 1
           ) converted ON true
          WHERE p.tenant_id = $1
       )
       SELECT article_id AS "articleId", trim(currency) AS currency,
              COALESCE(sum(amount) FILTER (WHERE stream = 'subscriptions'), 0)::text AS subscriptions,
              COALESCE(sum(amount) FILTER (WHERE stream = 'advertising'), 0)::text AS advertising,
              COALESCE(sum(amount) FILTER (WHERE stream = 'licensing'), 0)::text AS licensing,
              sum(amount)::text AS total
         FROM facts GROUP BY 1, 2 ORDER BY sum(amount) DESC, 1, 2 LIMIT $4`,
      [tenantId, request.from, request.to, request.limit ?? DEFAULT_LIMIT],
    );
    return { rows };
  }
}
