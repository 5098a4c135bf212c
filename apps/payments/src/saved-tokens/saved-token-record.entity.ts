import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentRailName, SavedTokenStatus } from '@libs/contracts';

/**
 * A payer's wallet saved on an agency's rail account. The rail's token is sealed with the agency's
 * id bound in (CredentialCipher), as credentials are; only its id and label ever leave the service.
 */
@Entity({ name: 'saved_tokens' })
@Index('saved_tokens_tenant_payer', ['tenantId', 'payerKey'])
@Index('saved_tokens_saved_by_attempt', ['savedByAttemptId'], { unique: true })
export class SavedTokenRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @Column('text') rail!: PaymentRailName;
  /** The payer as the stream named them (the payment's `saveTokenFor`). */
  @Column('text', { name: 'payer_key' }) payerKey!: string;
  /** The payer's id at the rail (MoMo's partnerClientId), which names no one. */
  @Column('text', { name: 'payer_reference' }) payerReference!: string;
  @Column('bytea', { name: 'token_sealed' }) tokenSealed!: Buffer;
  @Column('text') label!: string;
  @Column('text') status!: SavedTokenStatus;
  @Column('uuid', { name: 'saved_by_payment_id' }) savedByPaymentId!: string;
  @Column('uuid', { name: 'saved_by_attempt_id' }) savedByAttemptId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
