import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a product is billed: interval, trial, and the policy for changing to another plan. */
@Entity({ name: 'plans' })
@Index('plans_tenant', ['tenantId'])
export class Plan {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'product_id' }) productId!: string;
  @Column('text') name!: string;
  @Column('text') interval!: 'month' | 'year';
  @Column('integer', { name: 'interval_count' }) intervalCount!: number;
  @Column('integer', { name: 'trial_days' }) trialDays!: number;
  @Column('text', { name: 'change_policy' }) changePolicy!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
