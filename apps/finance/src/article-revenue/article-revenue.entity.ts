import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { RevenueStream } from '@libs/contracts';

/**
 * What one fact earned one article, tax excluded: a licence usage (split over the articles it
 * used) or a day of ads on the article's pages. Subscriptions reach articles through the
 * checkout that converted them (see `subscription_payments`).
 */
@Entity({ name: 'article_revenue' })
@Unique('article_revenue_fact_article', ['tenantId', 'factKey', 'articleId'])
@Index('article_revenue_tenant_day', ['tenantId', 'day'])
export class ArticleRevenue {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** The fact, e.g. `usage:<id>`, `delivery:<booking>:<day>`. */
  @Column('text', { name: 'fact_key' }) factKey!: string;
  @Column('text', { name: 'article_id' }) articleId!: string;
  @Column('text') stream!: RevenueStream;
  @Column('char', { length: 3 }) currency!: string;
  @Column('bigint') amount!: string;
  /** Agency-local day of the fact. */
  @Column('date') day!: string;
}
