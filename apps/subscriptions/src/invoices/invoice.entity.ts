import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A paid subscription invoice, recorded once (the money fact for finance is published with it). */
@Entity({ name: 'invoices' })
@Index('invoices_charge', ['tenantId', 'providerChargeId'])
export class Invoice {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_invoice_id' }) providerInvoiceId!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('text') currency!: string;
  @Column('bigint', { name: 'amount_paid' }) amountPaid!: string;
  @Column('bigint') tax!: string;
  @Column('bigint', { name: 'provider_fee' }) providerFee!: string;
  @Column('text', { name: 'provider_charge_id', nullable: true }) providerChargeId!: string | null;
  @Column('timestamptz', { name: 'period_start' }) periodStart!: Date;
  @Column('timestamptz', { name: 'period_end' }) periodEnd!: Date;
  @Column('timestamptz', { name: 'paid_at' }) paidAt!: Date;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
