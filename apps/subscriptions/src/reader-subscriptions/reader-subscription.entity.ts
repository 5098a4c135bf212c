import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SubscriptionStatus } from '@libs/contracts';

/** A reader's subscription as last read from the payment provider (the source of truth). */
@Entity({ name: 'reader_subscriptions' })
@Index('reader_subscriptions_provider', ['tenantId', 'providerSubscriptionId'], { unique: true })
@Index('reader_subscriptions_reader', ['tenantId', 'readerKey'])
export class ReaderSubscription {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'provider_subscription_id' }) providerSubscriptionId!: string;
  @Column('text', { name: 'reader_key' }) readerKey!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  /** The price version the reader pays; a new plan price does not change it. */
  @Column('uuid', { name: 'price_id' }) priceId!: string;
  @Column('text') status!: SubscriptionStatus;
  @Column('timestamptz', { name: 'current_period_start' }) currentPeriodStart!: Date;
  @Column('timestamptz', { name: 'current_period_end' }) currentPeriodEnd!: Date;
  @Column('boolean', { name: 'cancel_at_period_end' }) cancelAtPeriodEnd!: boolean;
  @Column('timestamptz', { name: 'trial_end', nullable: true }) trialEnd!: Date | null;
  @Column('text', { nullable: true }) reference!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
