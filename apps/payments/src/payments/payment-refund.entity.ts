import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Money given back of a payment, on the rail that took it. */
@Entity({ name: 'payment_refunds' })
@Index('payment_refunds_payment', ['paymentId'])
@Index('payment_refunds_payment_key', ['paymentId', 'refundKey'], { unique: true, where: '"refund_key" IS NOT NULL' })
@Check('payment_refunds_amount_positive', `"amount" > 0`)
export class PaymentRefund {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'payment_id' }) paymentId!: string;
  @Column('uuid', { name: 'attempt_id' }) attemptId!: string;
  @Column('text', { name: 'refund_reference' }) refundReference!: string;
  @Column('bigint') amount!: string;
  @Column('text') currency!: string;
  /** `requested`: reserved against the payment, the rail not yet answered; then succeeded or failed (the reservation released). */
  @Column('text') status!: 'requested' | 'succeeded' | 'failed';
  @Column('text', { name: 'provider_refund_id', nullable: true }) providerRefundId!: string | null;
  @Column('text') reason!: string;
  @Column('text', { name: 'requested_by' }) requestedBy!: string;
  /** The caller's own id for the refund (RefundPaymentRequest.refundKey): one refund per key and payment. */
  @Column('uuid', { name: 'refund_key', nullable: true }) refundKey!: string | null;
  @Column('text', { nullable: true }) failure!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'settled_at', nullable: true }) settledAt!: Date | null;
}
