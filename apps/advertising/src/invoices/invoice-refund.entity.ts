import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InvoiceRefundStatus } from '@libs/contracts';

/**
 * Money advertising gives back of an invoice's payment on a rail: `due` until the payments
 * service is asked (its id is the refund key, so asking again refunds once), `requested` until
 * payments says it was refunded (`refunded`), or `refused` by the rail (refund by bank transfer).
 */
@Entity({ name: 'invoice_refunds' })
@Index('invoice_refunds_invoice', ['invoiceId'])
@Index('invoice_refunds_due', ['status', 'createdAt'])
export class InvoiceRefund {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'invoice_id' }) invoiceId!: string;
  /** The payments service's payment it gives back of. */
  @Column('uuid', { name: 'payment_id' }) paymentId!: string;
  @Column('bigint') amount!: string;
  @Column('text') status!: InvoiceRefundStatus;
  @Column('text') reason!: string;
  @Column('text', { nullable: true }) failure!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
