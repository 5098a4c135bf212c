import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ArticleRevenueRow } from '@libs/contracts';
import { ArticleRevenue } from './article-revenue.entity';

/** A paid subscription invoice as the revenue by article counts it (see `subscription_payments`). */
export interface SubscriptionPaymentRow {
  tenantId: string;
  providerInvoiceId: string;
  subscriptionId: string;
  currency: string;
  /** Minor units, tax excluded. */
  amount: string;
  day: string;
}

/** The only code that writes SQL for revenue by article: what each fact earned each article, and subscription payments. */
@Injectable()
export class ArticleRevenueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the payments in one statement; a payment recorded before is left as it is. */
  async insertSubscriptionPayments(tx: EntityManager, rows: SubscriptionPaymentRow[]): Promise<void> {
    await tx.query(
      `INSERT INTO finance.subscription_payments (tenant_id, provider_invoice_id, subscription_id, currency, amount, day)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::bigint[], $6::date[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.tenantId),
        rows.map((r) => r.providerInvoiceId),
        rows.map((r) => r.subscriptionId),
        rows.map((r) => r.currency),
        rows.map((r) => r.amount),
        rows.map((r) => r.day),
      ],
    );
  }

  /** Records what a fact earned its articles; a fact and article recorded before are left as they are. */
  async insertUnlessRecorded(tx: EntityManager, rows: Omit<ArticleRevenue, 'id'>[]): Promise<void> {
    await tx.createQueryBuilder().insert().into(ArticleRevenue).values(rows).orIgnore().execute();
  }

  /**
   * Revenue per article over the months `from` to `to` (`YYYY-MM`), largest first. A subscription's
   * payments count for the article of its checkout (the first state that named one).
   */
  findRevenueByArticle(tenantId: string, from: string, to: string, limit: number): Promise<ArticleRevenueRow[]> {
    return this.dataSource.query(
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
      [tenantId, from, to, limit],
    );
  }
}
