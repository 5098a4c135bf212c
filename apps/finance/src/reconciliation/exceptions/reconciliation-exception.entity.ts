import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type {
  PaymentRailName,
  ReconciliationExceptionKind,
  ReconciliationExceptionStatus,
  ReconciliationResolutionAction,
  ReconciliationScope,
} from '@libs/contracts';

/**
 * A difference between the books and a statement, until someone resolves it. Keyed by its kind
 * and what it is about (`subject_key`, e.g. `txn:txn_123`): a run finding it again changes
 * nothing, so a resolved exception never comes back; an open one whose difference is gone is
 * cleared, and opened again should the difference return.
 */
@Entity({ name: 'reconciliation_exceptions' })
@Unique('reconciliation_exceptions_tenant_subject', ['tenantId', 'kind', 'subjectKey'])
@Index('reconciliation_exceptions_tenant_detected', ['tenantId', 'detectedAt', 'id'])
@Index('reconciliation_exceptions_tenant_open', ['tenantId', 'occurredAt'], { where: `"status" = 'open'` })
@Check(
  'reconciliation_exceptions_kind',
  `"kind" IN ('missing-in-ledger', 'missing-at-stripe', 'missing-at-bank', 'missing-at-rail', 'amount-mismatch', 'currency-mismatch', 'duplicate')`,
)
@Check('reconciliation_exceptions_scope', `"scope" IN ('stripe-ledger', 'payout-bank', 'rail-ledger')`)
@Check('reconciliation_exceptions_status', `"status" IN ('open', 'resolved', 'cleared')`)
@Check(
  'reconciliation_exceptions_resolution',
  `"resolution" IS NULL OR "resolution" IN ('match', 'adjust', 'write-off')`,
)
export class ReconciliationException {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') kind!: ReconciliationExceptionKind;
  @Column('text') scope!: ReconciliationScope;
  @Column('text', { name: 'subject_key' }) subjectKey!: string;
  @Column('text') status!: ReconciliationExceptionStatus;
  @Column('text', { name: 'stripe_transaction_id', nullable: true }) stripeTransactionId!: string | null;
  @Column('text', { name: 'stripe_source_id', nullable: true }) stripeSourceId!: string | null;
  @Column('text', { name: 'reporting_category', nullable: true }) reportingCategory!: string | null;
  @Column('text', { name: 'payout_id', nullable: true }) payoutId!: string | null;
  @Column('uuid', { name: 'bank_line_id', nullable: true }) bankLineId!: string | null;
  @Column('text', { name: 'bank_reference', nullable: true }) bankReference!: string | null;
  @Column('text', { nullable: true }) rail!: PaymentRailName | null;
  /** The rail's id of the payment or refund (rail-ledger). */
  @Column('text', { name: 'rail_transaction_id', nullable: true }) railTransactionId!: string | null;
  @Column('text', { name: 'ledger_source_key', nullable: true }) ledgerSourceKey!: string | null;
  @Column('uuid', { name: 'entry_id', nullable: true }) entryId!: string | null;
  /** What Stripe (stripe-ledger), the bank (payout-bank) or the rail's report (rail-ledger: the line's gross) says, minor units. */
  @Column('char', { name: 'statement_currency', length: 3, nullable: true }) statementCurrency!: string | null;
  @Column('bigint', { name: 'statement_amount', nullable: true }) statementAmount!: string | null;
  /** What the books say: the entry's posting to the Stripe balance or to the rail's clearing account, or the payout as booked to the bank account. */
  @Column('char', { name: 'booked_currency', length: 3, nullable: true }) bookedCurrency!: string | null;
  @Column('bigint', { name: 'booked_amount', nullable: true }) bookedAmount!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'detected_at', default: () => 'now()' }) detectedAt!: Date;
  @Column('uuid', { name: 'detected_by_run', nullable: true }) detectedByRun!: string | null;
  @Column('text', { nullable: true }) resolution!: ReconciliationResolutionAction | null;
  @Column('text', { name: 'resolution_reason', nullable: true }) resolutionReason!: string | null;
  @Column('uuid', { name: 'resolution_entry_id', nullable: true }) resolutionEntryId!: string | null;
  @Column('text', { name: 'resolution_account_code', nullable: true }) resolutionAccountCode!: string | null;
  @Column('text', { name: 'resolved_by', nullable: true }) resolvedBy!: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { name: 'cleared_at', nullable: true }) clearedAt!: Date | null;
}
