import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A subscription that started from a paywall decision, once per subscription. */
@Entity({ name: 'conversions' })
@Index('conversions_tenant_time', ['tenantId', 'convertedAt'])
export class Conversion {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('text', { name: 'article_id', nullable: true }) articleId!: string | null;
  @Column('uuid', { name: 'offer_id', nullable: true }) offerId!: string | null;
  @Column('uuid', { name: 'experiment_id', nullable: true }) experimentId!: string | null;
  @Column('text', { nullable: true }) arm!: string | null;
  /** Paid invoices of the subscription, minor units of `currency`. */
  @Column('bigint', { default: 0 }) revenue!: string;
  @Column('text', { nullable: true }) currency!: string | null;
  @Column('timestamptz', { name: 'converted_at' }) convertedAt!: Date;
}
