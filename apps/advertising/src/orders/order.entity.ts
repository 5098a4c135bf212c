import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  OrderCancellationView,
  OrderSponsoredArticleView,
  OrderStatus,
  OrderTakeoverView,
  OrderTransitionView,
  PaymentTerms,
} from '@libs/contracts';

/** An advertiser's order: lines of inventory, held until approved, then sold. */
@Entity({ name: 'orders' })
@Index('orders_tenant_advertiser', ['tenantId', 'advertiserId', 'createdAt'])
@Index('orders_holds', ['status', 'holdExpiresAt'])
export class Order {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'advertiser_id' }) advertiserId!: string;
  @Column('text') name!: string;
  @Column('text') status!: OrderStatus;
  @Column('text') currency!: string;
  @Column('bigint') taxable!: string;
  @Column('bigint') vat!: string;
  @Column('bigint') total!: string;
  @Column('timestamptz', { name: 'hold_expires_at', nullable: true }) holdExpiresAt!: Date | null;
  @Column('bigint', { name: 'cancellation_penalty', nullable: true }) cancellationPenalty!: string | null;
  /** What canceling it settled, once an invoiced order is canceled. */
  @Column('jsonb', { nullable: true }) cancellation!: OrderCancellationView | null;
  /** The advertiser's terms when it was booked: prepay, or invoice with `netDays`. */
  @Column('text', { name: 'payment_terms', default: 'prepay' }) paymentTerms!: PaymentTerms;
  @Column('integer', { name: 'net_days', nullable: true }) netDays!: number | null;
  /** Its invoice, from approval. */
  @Column('uuid', { name: 'invoice_id', nullable: true }) invoiceId!: string | null;
  /** Prepay: canceled by the clock when not paid in full by then. */
  @Column('timestamptz', { name: 'pay_by', nullable: true }) payBy!: Date | null;
  /** Prepay: when it was paid in full; it goes live (within its flight) only once paid. */
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  /** Each change of status: who, why, when (also in the agency's audit log). */
  @Column('jsonb') history!: OrderTransitionView[];
  /** Rises each time what the order serves is published (`OrderServingChanged`). */
  @Column('integer', { name: 'serving_version', default: 0 }) servingVersion!: number;
  /** A takeover: the page (or units) it takes together and the roadblock id its lines share. */
  @Column('jsonb', { nullable: true }) takeover!: OrderTakeoverView | null;
  /** A sponsored article ("bài PR"): the article, its teaser and its homepage exposure window. */
  @Column('jsonb', { name: 'sponsored_article', nullable: true }) sponsoredArticle!: OrderSponsoredArticleView | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
