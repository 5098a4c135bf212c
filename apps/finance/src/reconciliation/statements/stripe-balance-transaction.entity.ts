import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Money that moved in or out of an agency's Stripe balance, as imported (API or report). Keyed by
 * Stripe's id: importing the same transaction again changes nothing. Matched to the books by
 * the object it moved for (`source_id`) and its reporting category.
 */
@Entity({ name: 'stripe_balance_transactions' })
@Index('stripe_balance_transactions_tenant_created', ['tenantId', 'createdAt'])
export class StripeBalanceTransaction {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'available_on', nullable: true }) availableOn!: Date | null;
  @Column('char', { length: 3 }) currency!: string;
  /** Gross, minor units, signed: positive into the balance. */
  @Column('bigint') amount!: string;
  @Column('bigint') fee!: string;
  /** amount − fee: what the balance moved by. */
  @Column('bigint') net!: string;
  @Column('text', { name: 'reporting_category' }) reportingCategory!: string;
  /** The API's type; Stripe's reports carry only the reporting category. */
  @Column('text', { nullable: true }) type!: string | null;
  /** The charge, refund, dispute or payout the money moved for. */
  @Column('text', { name: 'source_id', nullable: true }) sourceId!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { name: 'payout_id', nullable: true }) payoutId!: string | null;
  @Column('uuid', { name: 'import_id' }) importId!: string;
}
