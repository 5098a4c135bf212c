import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { InvoicePaymentChannel, PaymentRailName } from '@libs/contracts';

/** One booking's share of a payment: `id` is what its BookingPaid names. */
export interface BookingShare {
  id: string;
  bookingId: string;
  amount: string;
}

/**
 * Money that reached an invoice: a payment on a rail (by the payments service's id) or a bank
 * transfer (by finance's id of the statement line), recorded once each, split over the bookings.
 */
@Entity({ name: 'invoice_payments' })
@Unique('invoice_payments_source', ['tenantId', 'channel', 'sourceId'])
@Index('invoice_payments_invoice', ['invoiceId'])
export class InvoicePayment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'invoice_id' }) invoiceId!: string;
  @Column('text') channel!: InvoicePaymentChannel;
  /** The payments service's payment id, or finance's bank statement line id. */
  @Column('text', { name: 'source_id' }) sourceId!: string;
  @Column('text', { nullable: true }) rail!: PaymentRailName | null;
  @Column('bigint') amount!: string;
  @Column('text') currency!: string;
  @Column('timestamptz', { name: 'paid_at' }) paidAt!: Date;
  @Column('jsonb') shares!: BookingShare[];
  /** When advertising learnt of it: payments booked the same day are listed in the order they arrived. */
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
