import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { PaymentTerms, PricingModel } from '@libs/contracts';

/** One booking (order line) as its invoice bills it, minor units as digit strings. */
export interface InvoicedBooking {
  bookingId: string;
  adUnitId: string;
  pricingModel: PricingModel;
  flightStart: string;
  flightEnd: string;
  /** What the payer sees for the line (the unit and the flight). */
  description: string;
  taxable: string;
  vatRateBp: number;
  vat: string;
  total: string;
  /** Taken off by a cancellation, VAT included. */
  credited: string;
}

/**
 * An order's invoice, issued when ad ops approve it: its bookings, the money credited, paid and
 * refunded since, and how it is paid (a pay link for prepay, a transfer reference for all).
 */
@Entity({ name: 'invoices' })
@Unique('invoices_order', ['orderId'])
@Unique('invoices_tenant_transfer_reference', ['tenantId', 'transferReference'])
@Index('invoices_tenant_advertiser', ['tenantId', 'advertiserId', 'issuedAt'])
export class Invoice {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('uuid', { name: 'advertiser_id' }) advertiserId!: string;
  @Column('text', { name: 'payment_terms' }) paymentTerms!: PaymentTerms;
  @Column('integer', { name: 'net_days', nullable: true }) netDays!: number | null;
  @Column('text') currency!: string;
  @Column('bigint') taxable!: string;
  @Column('bigint') vat!: string;
  @Column('bigint') total!: string;
  @Column('bigint', { default: 0 }) credited!: string;
  @Column('bigint', { default: 0 }) paid!: string;
  /** Given back on the rails, as the payments service told it. */
  @Column('bigint', { default: 0 }) refunded!: string;
  @Column('date', { name: 'due_on' }) dueOn!: string;
  @Column('text', { name: 'transfer_reference' }) transferReference!: string;
  /** Who pays, as the e-invoice names them: the advertiser's name and tax code when issued. */
  @Column('text', { name: 'buyer_name' }) buyerName!: string;
  @Column('text', { name: 'buyer_tax_code', nullable: true }) buyerTaxCode!: string | null;
  @Column('text') description!: string;
  /** Prepay: until when the pay link is open, and the payment asked of the payments service for it. */
  @Column('timestamptz', { name: 'pay_by', nullable: true }) payBy!: Date | null;
  @Column('uuid', { name: 'payment_id', nullable: true }) paymentId!: string | null;
  @Column('text', { name: 'pay_page_url', nullable: true }) payPageUrl!: string | null;
  @Column('jsonb') bookings!: InvoicedBooking[];
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
