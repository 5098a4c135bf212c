import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PaymentRailName } from '@libs/contracts';
import type { RailMovement } from './rail-movement';

/**
 * Which journal entry books which transaction of a payment rail: the rail's id of a payment
 * (providerTransactionId) or of a refund (providerRefundId) → the entry's source key, which names
 * the payments service's ids instead. Written in the transaction that posts the entry, so a run
 * never meets an entry without its key. `amount` is the entry's posting to the rail's clearing
 * account (refunds negative), what the report's line must show.
 */
@Entity({ name: 'rail_ledger_keys' })
@Index('rail_ledger_keys_tenant_occurred', ['tenantId', 'occurredAt'])
@Check('rail_ledger_keys_movement', `"movement" IN ('payment', 'refund')`)
export class RailLedgerKey {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text') rail!: PaymentRailName;
  @PrimaryColumn('text') movement!: RailMovement;
  @PrimaryColumn('text', { name: 'rail_transaction_id' }) railTransactionId!: string;
  @Column('text', { name: 'source_key' }) sourceKey!: string;
  @Column('uuid', { name: 'entry_id' }) entryId!: string;
  @Column('uuid', { name: 'payment_id' }) paymentId!: string;
  @Column('char', { length: 3 }) currency!: string;
  @Column('bigint') amount!: string;
  /** When the rail took (or gave back) the money: a report covering that day should show it. */
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
