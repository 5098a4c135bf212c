import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { RecognitionMethod, RecognitionStatus, RevenueStream } from '@libs/contracts';

/**
 * How one billed document (invoice, gift, booking, agreement) moves from deferred revenue into
 * revenue. Amounts are minor units (bigint read as strings). What is left to recognize is
 * total − reduced − recognized; the ledger's entries are the truth, this row is the plan.
 */
@Entity({ name: 'recognition_schedules' })
@Unique('recognition_schedules_tenant_source', ['tenantId', 'sourceRef'])
@Index('recognition_schedules_tenant_charge', ['tenantId', 'providerChargeId'])
@Index('recognition_schedules_tenant_payment', ['tenantId', 'paymentId'])
@Index('recognition_schedules_due', ['status', 'method', 'nextDay'])
@Index('recognition_schedules_tenant_created', ['tenantId', 'createdAt', 'id'])
export class RecognitionSchedule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** What the schedule recognizes, e.g. `invoice:in_123`, `gift:<id>`, `booking:<id>`, `agreement:<id>`. */
  @Column('text', { name: 'source_ref' }) sourceRef!: string;
  @Column('text') stream!: RevenueStream;
  @Column('uuid', { name: 'product_id', nullable: true }) productId!: string | null;
  @Column('uuid', { name: 'site_id', nullable: true }) siteId!: string | null;
  @Column('uuid', { name: 'counterparty_id', nullable: true }) counterpartyId!: string | null;
  @Column('char', { length: 3 }) currency!: string;
  /** `ratable`: per agency-local day by the recognition run; `delivery`: as deliveries are recorded. */
  @Column('text') method!: RecognitionMethod;
  @Column('text') status!: RecognitionStatus;
  /** Billed, tax included: the base of a refund's tax share. */
  @Column('bigint') billed!: string;
  @Column('bigint') tax!: string;
  /** billed − tax: what was deferred, to be recognized. */
  @Column('bigint') total!: string;
  /** Taken off what is left by refunds, voids and make-goods (the deferred part of each). */
  @Column('bigint', { default: 0 }) reduced!: string;
  /** What refunds and voids gave back, tax excluded, deferred and already recognized parts together. */
  @Column('bigint', { default: 0 }) withdrawn!: string;
  /** Refunded to the payer, tax included, and of it the tax. */
  @Column('bigint', { default: 0 }) refunded!: string;
  @Column('bigint', { name: 'refunded_tax', default: 0 }) refundedTax!: string;
  @Column('bigint', { default: 0 }) recognized!: string;
  /** The service period in agency-local days: `days` days from `firstDay`; null until known (a gift not yet redeemed). */
  @Column('date', { name: 'first_day', nullable: true }) firstDay!: string | null;
  @Column('int', { nullable: true }) days!: number | null;
  /** Ratable: how many of the days are recognized (always the first ones), and the next one to recognize. */
  @Column('int', { name: 'recognized_days', default: 0 }) recognizedDays!: number;
  @Column('date', { name: 'next_day', nullable: true }) nextDay!: string | null;
  /** The cumulative split restarts after a reduction: from day `segmentStart`, `segmentAmount` over the remaining days. */
  @Column('int', { name: 'segment_start', default: 0 }) segmentStart!: number;
  @Column('bigint', { name: 'segment_base', default: 0 }) segmentBase!: string;
  @Column('bigint', { name: 'segment_amount' }) segmentAmount!: string;
  /** The payment's charge at the provider: how a refund finds what it refunds. */
  @Column('text', { name: 'provider_charge_id', nullable: true }) providerChargeId!: string | null;
  /** The payment on a rail (payments service) that paid it: how a rail's refund finds what it refunds. */
  @Column('uuid', { name: 'payment_id', nullable: true }) paymentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
