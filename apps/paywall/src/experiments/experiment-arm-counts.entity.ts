import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an arm has shown and earned: decisions (batched per instance), conversions, revenue. */
@Entity({ name: 'experiment_arm_counts' })
export class ExperimentArmCounts {
  @PrimaryColumn('uuid', { name: 'experiment_id' }) experimentId!: string;
  @PrimaryColumn('text') arm!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('bigint', { default: 0 }) impressions!: string;
  @Column('bigint', { default: 0 }) conversions!: string;
  /** Paid invoices of converted subscriptions, minor units of `currency`. */
  @Column('bigint', { default: 0 }) revenue!: string;
  @Column('text', { nullable: true }) currency!: string | null;
}
