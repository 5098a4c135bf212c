import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SubscriptionStatus } from '@libs/contracts';

/**
 * A reader's subscription: as last read from the payment provider (the source of truth) when the
 * provider bills it, or as the suite billed it (`billed_by` 'suite': paid on a domestic rail).
 */
@Entity({ name: 'reader_subscriptions' })
@Index('reader_subscriptions_provider', ['tenantId', 'providerSubscriptionId'], { unique: true })
@Index('reader_subscriptions_reader', ['tenantId', 'readerKey'])
@Check(
  'reader_subscriptions_pending_change_whole',
  '(pending_plan_id IS NULL) = (pending_price_id IS NULL) AND (pending_plan_id IS NULL) = (pending_effective_at IS NULL) AND (pending_plan_id IS NULL) = (pending_provider_schedule_id IS NULL)',
)
@Check('reader_subscriptions_billed_by', `billed_by IN ('provider', 'suite')`)
@Check('reader_subscriptions_credit_balance', 'credit_balance >= 0')
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
  /**
   * Whose billing engine renews and collects it: the provider's (Stripe Billing; the sync writes
   * the row), or the suite's own (its invoices paid through the payments service; its
   * `provider_subscription_id` is then `suite:<id>`, never a provider's).
   */
  @Column('text', { name: 'billed_by', default: 'provider' }) billedBy!: 'provider' | 'suite';
  /**
   * Where the payer returns after paying on a rail, as the checkout gave it: the pay links of the
   * renewals the suite bills return there too. Null for the provider's subscriptions.
   */
  @Column('text', { name: 'return_url', nullable: true }) returnUrl!: string | null;
  /**
   * A plan change the provider will make when the period ends (`at-period-end` policy), as last
   * read from it: the plan and price version then, when, and the provider's schedule making it
   * (`suite` when the suite bills the subscription: its renewal makes the change). All four are
   * set, or none.
   */
  @Column('uuid', { name: 'pending_plan_id', nullable: true }) pendingPlanId!: string | null;
  @Column('uuid', { name: 'pending_price_id', nullable: true }) pendingPriceId!: string | null;
  @Column('timestamptz', { name: 'pending_effective_at', nullable: true }) pendingEffectiveAt!: Date | null;
  @Column('text', { name: 'pending_provider_schedule_id', nullable: true }) pendingProviderScheduleId!: string | null;
  /**
   * Credit the reader holds from plan changes down (minor units, VAT included) on a subscription
   * the suite bills: applied to its next invoices, never paid out; always 0 for the provider's.
   */
  @Column('bigint', { name: 'credit_balance', default: '0' }) creditBalance!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
