import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * N months of a plan's product, paid for by one person and redeemed once by a reader. The claim
 * code is kept only as a SHA-256 hash and its last four symbols. The hash is unique across
 * agencies, so the gift page, which knows only the code, finds exactly one gift and its agency.
 */
@Entity({ name: 'gifts' })
@Index('gifts_code', ['codeHash'], { unique: true })
@Index('gifts_tenant_created', ['tenantId', 'createdAt'])
@Index('gifts_redeemer', ['tenantId', 'redeemerKey'])
@Index('gifts_provider_checkout', ['tenantId', 'providerCheckoutId'], {
  unique: true,
  where: 'provider_checkout_id IS NOT NULL',
})
@Index('gifts_unredeemed_by', ['redeemBy'], { where: 'redeemed_at IS NULL AND expiry_recorded_at IS NULL' })
@Index('gifts_payment', ['tenantId', 'paymentId'], { where: 'payment_id IS NOT NULL' })
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
  /** The provider checkout it was bought through (gift checkout); null when the agency recorded it. */
  @Column('text', { name: 'provider_checkout_id', nullable: true }) providerCheckoutId!: string | null;
  /** The payment on a rail it was bought with (rail gift checkout); null otherwise. */
  @Column('uuid', { name: 'payment_id', nullable: true }) paymentId!: string | null;
  @Column('bytea', { name: 'code_hash' }) codeHash!: Buffer;
  @Column('text', { name: 'code_last4' }) codeLast4!: string;
  @Column('timestamptz', { name: 'redeem_by' }) redeemBy!: Date;
  @Column('timestamptz', { name: 'redeemed_at', nullable: true }) redeemedAt!: Date | null;
  /** The redeeming reader's key (`reader:<id>` or `email:<email>`), and what they gave of themselves. */
  @Column('text', { name: 'redeemer_key', nullable: true }) redeemerKey!: string | null;
  @Column('text', { name: 'redeemer_reader_id', nullable: true }) redeemerReaderId!: string | null;
  @Column('text', { name: 'redeemer_email', nullable: true }) redeemerEmail!: string | null;
  @Column('timestamptz', { name: 'redeemed_until', nullable: true }) redeemedUntil!: Date | null;
  /**
   * When its payment on a rail was refunded in full: it can no longer be redeemed (nor expire), and
   * a redemption made before ends then (`redeemedUntil`).
   */
  @Column('timestamptz', { name: 'refunded_at', nullable: true }) refundedAt!: Date | null;
  /** When the expiry sweep found it past `redeemBy` unredeemed and published GiftExpired (once). */
  @Column('timestamptz', { name: 'expiry_recorded_at', nullable: true }) expiryRecordedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
