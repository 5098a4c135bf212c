import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One agency's billing defaults: the currency it charges in and how it chases failed payments and renews what it bills itself. */
@Entity({ name: 'billing_settings' })
export class BillingSettings {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'default_currency' }) defaultCurrency!: string;
  @Column('integer', { name: 'dunning_retry_days', array: true }) dunningRetryDays!: number[];
  @Column('integer', { name: 'grace_days' }) graceDays!: number;
  @Column('text', { name: 'after_final_failure' }) afterFinalFailure!: 'cancel' | 'pause';
  /** Days before a period ends on which the suite bills the renewal of a subscription it bills itself. */
  @Column('integer', { name: 'renewal_notice_days', default: 3 }) renewalNoticeDays!: number;
}
