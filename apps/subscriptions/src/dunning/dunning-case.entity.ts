import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DunningCaseStatus } from '@libs/contracts';

/**
 * A failed renewal the suite chases: one per unpaid invoice, opened on the first failed payment,
 * retried on the agency's retry days, ended by a payment (recovered), by the last failed retry
 * (exhausted) or by the subscription or invoice ending elsewhere (closed).
 */
@Entity({ name: 'dunning_cases' })
@Index('dunning_cases_invoice', ['tenantId', 'providerInvoiceId'], { unique: true })
@Index('dunning_cases_due', ['nextRetryAt'], { where: "status = 'open'" })
@Index('dunning_cases_newest', ['tenantId', 'status', 'openedAt', 'id'])
@Index('dunning_cases_subscription', ['tenantId', 'subscriptionId'])
export class DunningCase {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'invoice_id' }) invoiceId!: string;
  @Column('text', { name: 'provider_invoice_id' }) providerInvoiceId!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('text', { name: 'reader_key' }) readerKey!: string;
  @Column('text') status!: DunningCaseStatus;
  @Column('text') currency!: string;
  @Column('bigint', { name: 'amount_due' }) amountDue!: string;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  /** The agency's retry days when the case opened: days after `openedAt`. */
  @Column('integer', { name: 'retry_days', array: true }) retryDays!: number[];
  /** Retries made by the suite (the failed renewal not counted). */
  @Column('integer', { name: 'attempts_made' }) attemptsMade!: number;
  @Column('timestamptz', { name: 'next_retry_at', nullable: true }) nextRetryAt!: Date | null;
  @Column('text', { name: 'last_failure', nullable: true }) lastFailure!: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_reason', nullable: true }) closedReason!: string | null;
  @Column('text', { name: 'final_action', nullable: true }) finalAction!: 'cancel' | 'pause' | null;
  /** How many times an instance claimed it for a retry; the write ending a retry names the claim it belongs to. */
  @Column('integer', { default: 0 }) claims!: number;
  /** Until when the last claim keeps other instances off it (a retry calls the provider outside any transaction). */
  @Column('timestamptz', { name: 'claimed_until', nullable: true }) claimedUntil!: Date | null;
  /**
   * Whose engine chases it: the suite retries the provider's invoices with the provider; for an
   * invoice the suite bills itself (`suite`) it sends the pay link again on the reminder days
   * (`retryDays`, `attemptsMade` and `nextRetryAt` count reminders) and ends it at the end of grace.
   */
  @Column('text', { name: 'billed_by', default: 'provider' }) billedBy!: 'provider' | 'suite';
  /** A payment that arrived after the case ended the invoice unpaid: held for a refund, not applied. */
  @Column('uuid', { name: 'late_payment_id', nullable: true }) latePaymentId!: string | null;
}
