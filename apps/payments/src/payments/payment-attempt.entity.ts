import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptStatus, PaymentRailName } from '@libs/contracts';

/** The payer's try on one rail; the rail knows it by `orderReference` (or `orderCode`). */
@Entity({ name: 'payment_attempts' })
@Index('payment_attempts_account_order', ['accountId', 'orderReference'], { unique: true })
@Index('payment_attempts_payment', ['paymentId'])
@Index('payment_attempts_due_for_query', ['nextQueryAt'], { where: `"status" = 'started'` })
@Index('payment_attempts_one_charge_in_flight', ['paymentId'], {
  unique: true,
  where: `"saved_token_id" IS NOT NULL AND "status" = 'started'`,
})
@Check('payment_attempts_amount_positive', `"amount" > 0`)
export class PaymentAttempt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'payment_id' }) paymentId!: string;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @Column('text') rail!: PaymentRailName;
  @Column('text', { name: 'order_reference' }) orderReference!: string;
  @Column('bigint', { name: 'order_code' }) orderCode!: string;
  @Column('text') status!: AttemptStatus;
  @Column('bigint') amount!: string;
  @Column('text') currency!: string;
  @Column('text', { name: 'redirect_url', nullable: true }) redirectUrl!: string | null;
  @Column('text', { name: 'qr_code', nullable: true }) qrCode!: string | null;
  @Column('text', { name: 'provider_reference', nullable: true }) providerReference!: string | null;
  @Column('text', { name: 'provider_transaction_id', nullable: true }) providerTransactionId!: string | null;
  @Column('text', { nullable: true }) failure!: string | null;
  @Column('text', { name: 'client_ip' }) clientIp!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'settled_at', nullable: true }) settledAt!: Date | null;
  /** When the status job asks the rail next, while the attempt is not final. */
  @Column('timestamptz', { name: 'next_query_at', nullable: true }) nextQueryAt!: Date | null;
  @Column('integer', { default: 0 }) queries!: number;
  /** Paid although another attempt had already paid the payment: money to give back. */
  @Column('boolean', { name: 'paid_twice', default: false }) paidTwice!: boolean;
  /** A charge of a saved wallet, the payer absent: the wallet charged. */
  @Column('uuid', { name: 'saved_token_id', nullable: true }) savedTokenId!: string | null;
}
