import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentBuyer, PaymentLine, PaymentRailName, PaymentStatus, PaymentStream } from '@libs/contracts';

/** Money a stream asked for: one per purpose, paid by at most one of its attempts. */
@Entity({ name: 'payments' })
@Check('payments_amount_positive', `"amount" > 0`)
@Check('payments_refunded_within_amount', `"refunded_amount" >= 0 AND "refunded_amount" <= "amount"`)
@Index('payments_tenant_purpose', ['tenantId', 'purposeStream', 'purposeReference'], { unique: true })
export class Payment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('bigint') amount!: string;
  @Column('text') currency!: string;
  @Column('text') status!: PaymentStatus;
  @Column('text', { name: 'purpose_stream' }) purposeStream!: PaymentStream;
  @Column('text', { name: 'purpose_reference' }) purposeReference!: string;
  @Column('text') description!: string;
  @Column('jsonb', { nullable: true }) buyer!: PaymentBuyer | null;
  @Column('jsonb') lines!: PaymentLine[];
  @Column('text', { array: true }) rails!: PaymentRailName[];
  @Column('text', { name: 'return_url' }) returnUrl!: string;
  @Column('bigint', { name: 'refunded_amount', default: 0 }) refundedAmount!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'succeeded_at', nullable: true }) succeededAt!: Date | null;
  @Column('uuid', { name: 'succeeded_attempt_id', nullable: true }) succeededAttemptId!: string | null;
  /** The payer, in the stream's words, whose wallet this payment saves where its rail can. */
  @Column('text', { name: 'save_token_for', nullable: true }) saveTokenFor!: string | null;
}
