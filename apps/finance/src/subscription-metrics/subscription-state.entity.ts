import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What one subscription was from an instant on, as SubscriptionChanged said: one row per event,
 * never changed. The state at any instant is the latest row before it, so events arriving late or
 * out of order still give the same history.
 */
@Entity({ name: 'subscription_states' })
@Index(['tenantId', 'subscriptionId', 'effectiveAt'])
export class SubscriptionState {
  /** The event's id. */
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('timestamptz', { name: 'effective_at' }) effectiveAt!: Date;
  @Column('text') status!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  /** Null for events that did not carry the price (published before prices were carried). */
  @Column('char', { length: 3, nullable: true }) currency!: string | null;
  /** Price per billing interval, minor units. */
  @Column('bigint', { name: 'unit_amount', nullable: true }) unitAmount!: string | null;
  @Column('integer', { name: 'interval_months', nullable: true }) intervalMonths!: number | null;
  /** The article whose paywall led to the subscription, from its checkout reference. */
  @Column('text', { name: 'article_id', nullable: true }) articleId!: string | null;
}
