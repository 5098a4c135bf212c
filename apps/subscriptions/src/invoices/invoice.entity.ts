import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import type { InvoiceStatus } from '@libs/contracts';

/**
 * A subscription invoice as the provider issued it, following its lifecycle (open, then paid,
 * void or uncollectible; never backwards). The money facts for finance are published with it.
 */
@Entity({ name: 'invoices' })
@Index('invoices_charge', ['tenantId', 'providerChargeId'])
@Index('invoices_id', ['id'], { unique: true })
@Index('invoices_newest', ['tenantId', 'recordedAt', 'id'])
@Index('invoices_subscription', ['tenantId', 'subscriptionId'])
// One invoice the suite bills per subscription and period: a renewal is billed once, whatever the instances
// (a voided one may be billed again, at a price a plan change made; a plan change's proration is no period's).
@Index('invoices_suite_period', ['tenantId', 'subscriptionId', 'periodStart'], {
  unique: true,
  where: "provider_invoice_id LIKE 'suite:%' AND NOT proration AND status <> 'void'",
})
export class Invoice {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_invoice_id' }) providerInvoiceId!: string;
  @Column('uuid') @Generated('uuid') id!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('text') status!: InvoiceStatus;
  @Column('text') currency!: string;
  @Column('bigint', { name: 'amount_due' }) amountDue!: string;
  @Column('bigint', { name: 'amount_paid' }) amountPaid!: string;
  @Column('bigint') tax!: string;
  @Column('bigint', { name: 'provider_fee' }) providerFee!: string;
  @Column('text', { name: 'provider_charge_id', nullable: true }) providerChargeId!: string | null;
  @Column('text', { name: 'provider_balance_transaction_id', nullable: true }) providerBalanceTransactionId!:
    string | null;
  @Column('timestamptz', { name: 'period_start' }) periodStart!: Date;
  @Column('timestamptz', { name: 'period_end' }) periodEnd!: Date;
  @Column('timestamptz', { name: 'due_date', nullable: true }) dueDate!: Date | null;
  @Column('timestamptz', { name: 'finalized_at', nullable: true }) finalizedAt!: Date | null;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  @Column('timestamptz', { name: 'voided_at', nullable: true }) voidedAt!: Date | null;
  @Column('timestamptz', { name: 'marked_uncollectible_at', nullable: true }) markedUncollectibleAt!: Date | null;
  /** The payment (payments service) that paid an invoice the suite bills itself; null for the provider's. */
  @Column('uuid', { name: 'payment_id', nullable: true }) paymentId!: string | null;
  /**
   * The pay link of a renewal the suite bills itself (the hosted page of its payment), kept to be
   * sent again on reminder days; a secret of the payer, never shown in views. Null until payments
   * answered, and for the provider's invoices.
   */
  @Column('text', { name: 'pay_page_url', nullable: true }) payPageUrl!: string | null;
  /**
   * When the suite began to charge a renewal to the reader's saved wallet (it does once, whatever
   * the instances and restarts); null before, and for every other invoice.
   */
  @Column('timestamptz', { name: 'token_charge_attempted_at', nullable: true }) tokenChargeAttemptedAt!: Date | null;
  /**
   * An invoice the suite bills for a plan change made at once: the prorated difference for the
   * rest of the current period (not a period of its own: paying it moves no period).
   */
  @Column('boolean', { default: false }) proration!: boolean;
  /** Credit the reader held applied to this invoice the suite bills (minor units, VAT included; already off `amount_due`). */
  @Column('bigint', { name: 'credit_applied', default: '0' }) creditApplied!: string;
  /** When the suite first learned of the invoice; lists are newest first by it. */
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' }) recordedAt!: Date;
}
