import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrderSponsoredArticleView, OrderStatus, OrderTakeoverView, OrderTransitionView } from '@libs/contracts';

/** An advertiser's order: lines of inventory, held until approved, then sold. */
@Entity({ name: 'orders' })
@Index('orders_tenant_advertiser', ['tenantId', 'advertiserId', 'createdAt'])
@Index('orders_holds', ['status', 'holdExpiresAt'])
export class Order {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'advertiser_id' }) advertiserId!: string;
  @Column('text') name!: string;
  @Column('text') status!: OrderStatus;
  @Column('text') currency!: string;
  @Column('bigint') taxable!: string;
  @Column('bigint') vat!: string;
  @Column('bigint') total!: string;
  @Column('timestamptz', { name: 'hold_expires_at', nullable: true }) holdExpiresAt!: Date | null;
  @Column('bigint', { name: 'cancellation_penalty', nullable: true }) cancellationPenalty!: string | null;
  /** Each change of status: who, why, when (also in the agency's audit log). */
  @Column('jsonb') history!: OrderTransitionView[];
  /** Rises each time what the order serves is published (`OrderServingChanged`). */
  @Column('integer', { name: 'serving_version', default: 0 }) servingVersion!: number;
  /** A takeover: the page (or units) it takes together and the roadblock id its lines share. */
  @Column('jsonb', { nullable: true }) takeover!: OrderTakeoverView | null;
  /** A sponsored article ("bài PR"): the article, its teaser and its homepage exposure window. */
  @Column('jsonb', { name: 'sponsored_article', nullable: true }) sponsoredArticle!: OrderSponsoredArticleView | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
