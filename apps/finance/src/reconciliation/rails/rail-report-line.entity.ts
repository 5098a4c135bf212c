import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PaymentRailName } from '@libs/contracts';
import type { RailMovement } from './rail-movement';

/**
 * A transaction of a payment rail as its report shows it, keyed by the rail's transaction id:
 * importing the same line again changes nothing but a settlement learned since. Matched to the
 * books through `rail_ledger_keys`.
 */
@Entity({ name: 'rail_report_lines' })
@Index('rail_report_lines_tenant_occurred', ['tenantId', 'occurredAt'])
@Check('rail_report_lines_movement', `"movement" IN ('payment', 'refund')`)
export class RailReportLine {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text') rail!: PaymentRailName;
  @PrimaryColumn('text') movement!: RailMovement;
  @PrimaryColumn('text', { name: 'rail_transaction_id' }) railTransactionId!: string;
  /** The merchant's order id the rail was given (ours: the attempt's reference). */
  @Column('text', { name: 'order_id' }) orderId!: string;
  @Column('char', { length: 3 }) currency!: string;
  /** Gross, minor units, signed: a payment positive, a refund negative. */
  @Column('bigint') amount!: string;
  /** What the rail kept, minor units. */
  @Column('bigint') fee!: string;
  /** amount − fee: what the settlement moved to the bank for this line. */
  @Column('bigint') net!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  /** The day the rail paid the line out to the bank; null while it is not settled. */
  @Column('date', { name: 'settled_on', nullable: true }) settledOn!: string | null;
  @Column('text', { name: 'settlement_batch', nullable: true }) settlementBatch!: string | null;
  @Column('uuid', { name: 'import_id' }) importId!: string;
}
