import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * N months of a plan's product, paid for by one person and redeemed once by a reader. The claim
 * code is kept only as a SHA-256 hash (unique across agencies) and its last four symbols.
 */
@Entity({ name: 'gifts' })
@Index('gifts_code', ['codeHash'], { unique: true })
@Index('gifts_tenant_created', ['tenantId', 'createdAt'])
@Index('gifts_redeemer', ['tenantId', 'redeemerKey'])
@Check('gifts_months', '"months" BETWEEN 1 AND 36')
export class Gift {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('uuid', { name: 'product_id' }) productId!: string;
  @Column('integer') months!: number;
  @Column('text', { name: 'purchaser_email' }) purchaserEmail!: string;
  @Column('text', { name: 'recipient_email', nullable: true }) recipientEmail!: string | null;
  @Column('text', { nullable: true }) message!: string | null;
  @Column('text', { name: 'payment_reference', nullable: true }) paymentReference!: string | null;
  @Column('bytea', { name: 'code_hash' }) codeHash!: Buffer;
  @Column('text', { name: 'code_last4' }) codeLast4!: string;
  @Column('timestamptz', { name: 'redeem_by' }) redeemBy!: Date;
  @Column('timestamptz', { name: 'redeemed_at', nullable: true }) redeemedAt!: Date | null;
  /** The redeeming reader's key (`reader:<id>` or `email:<email>`), and what they gave of themselves. */
  @Column('text', { name: 'redeemer_key', nullable: true }) redeemerKey!: string | null;
  @Column('text', { name: 'redeemer_reader_id', nullable: true }) redeemerReaderId!: string | null;
  @Column('text', { name: 'redeemer_email', nullable: true }) redeemerEmail!: string | null;
  @Column('timestamptz', { name: 'redeemed_until', nullable: true }) redeemedUntil!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
