import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * Which journal entry books which Stripe money movement: the entry's source key and the Stripe
 * object (charge, refund, dispute, payout) with its reporting category, the pair a balance
 * transaction is matched on. Recorded from the domain events (the entries' own keys do not name
 * the charge) and by manual matches. `rank` counts entries claiming the same Stripe movement: the
 * first is matched, any later one is a duplicate booking. The entry and its posting to the Stripe
 * balance are looked up once (entries never change) and kept here, so a run joins two tables;
 * when the entry is reversed, the reversal's posting is added to it, once.
 */
@Entity({ name: 'stripe_ledger_keys' })
@Unique('stripe_ledger_keys_tenant_entry_movement', ['tenantId', 'sourceKey', 'stripeSourceId', 'reportingCategory'])
@Index('stripe_ledger_keys_tenant_unlinked', ['tenantId'], { where: '"entry_id" IS NULL' })
@Index('stripe_ledger_keys_tenant_duplicates', ['tenantId'], { where: '"rank" > 1' })
export class StripeLedgerKey {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'stripe_source_id' }) stripeSourceId!: string;
  @PrimaryColumn('text', { name: 'reporting_category' }) reportingCategory!: string;
  @PrimaryColumn('integer') rank!: number;
  /** The journal entry's source key, e.g. `invoice-paid:in_123`. */
  @Column('text', { name: 'source_key' }) sourceKey!: string;
  /** When the money moved, as the event says (the window of a run is taken on it). */
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  /** Set once the entry is found in the journal. */
  @Column('uuid', { name: 'entry_id', nullable: true }) entryId!: string | null;
  /** The entry's posting to the Stripe balance (1100): its currency and signed sum, minor units. */
  @Column('char', { length: 3, nullable: true }) currency!: string | null;
  @Column('bigint', { nullable: true }) amount!: string | null;
  /** The entry's reversal, once its posting to the Stripe balance is in `amount` (the ledger no longer holds the movement). */
  @Column('uuid', { name: 'reversed_by_entry_id', nullable: true }) reversedByEntryId!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
