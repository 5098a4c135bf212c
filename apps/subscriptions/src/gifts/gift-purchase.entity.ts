import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A gift being bought through the provider's hosted payment or on a rail. Recorded before the
 * provider or payments is called (its id keys the request), linked to the checkout session or the
 * payment once it answers, and to the gift once the payment is confirmed. The claim code is revealed once.
 */
@Entity({ name: 'gift_purchases' })
@Index('gift_purchases_checkout', ['tenantId', 'providerCheckoutId'], {
  unique: true,
  where: 'provider_checkout_id IS NOT NULL',
})
@Index('gift_purchases_gift', ['giftId'], { unique: true, where: 'gift_id IS NOT NULL' })
@Index('gift_purchases_payment', ['tenantId', 'paymentId'], { unique: true, where: 'payment_id IS NOT NULL' })
@Check('gift_purchases_months', '"months" BETWEEN 1 AND 36')
@Check('gift_purchases_amount', '"amount" >= 0 AND "unit_amount" >= 0 AND "intervals" >= 1')
export class GiftPurchase {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  /** The price version charged: `unitAmount` per billing interval, `intervals` of them. */
  @Column('uuid', { name: 'price_id' }) priceId!: string;
  @Column('uuid', { name: 'product_id' }) productId!: string;
  @Column('integer') months!: number;
  @Column('integer') intervals!: number;
  @Column('text') currency!: string;
  @Column('bigint', { name: 'unit_amount' }) unitAmount!: string;
  /** `unitAmount` x `intervals`, before any exclusive VAT. */
  @Column('bigint') amount!: string;
  @Column('text', { name: 'purchaser_email' }) purchaserEmail!: string;
  @Column('text', { name: 'recipient_email', nullable: true }) recipientEmail!: string | null;
  @Column('text', { nullable: true }) message!: string | null;
  @Column('text', { name: 'provider_checkout_id', nullable: true }) providerCheckoutId!: string | null;
  /** The payment on a rail asked for it (rail gift checkout); null through the provider's checkout. */
  @Column('uuid', { name: 'payment_id', nullable: true }) paymentId!: string | null;
  /**
   * What the payment on a rail asks for, VAT included, and the VAT in it (as the provider computes
   * it for its checkout); null through the provider's checkout, which computes them itself.
   */
  @Column('bigint', { name: 'amount_due', nullable: true }) amountDue!: string | null;
  @Column('bigint', { nullable: true }) tax!: string | null;
  @Column('uuid', { name: 'gift_id', nullable: true }) giftId!: string | null;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  /**
   * When its payment on a rail was refunded in full before it made the gift: the payment, when it is
   * applied, makes none (it is left unapplied).
   */
  @Column('timestamptz', { name: 'refunded_at', nullable: true }) refundedAt!: Date | null;
  /**
   * SHA-256 (hex) of the secret answered to whoever opened the checkout: only its holder is shown
   * the claim code, not whoever learns the checkout session's id. None on purchases made before.
   */
  @Column('text', { name: 'purchaser_secret_hash', nullable: true }) purchaserSecretHash!: string | null;
  /** When the purchaser was shown the claim code (or staff reissued it): never again after. */
  @Column('timestamptz', { name: 'code_revealed_at', nullable: true }) codeRevealedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
