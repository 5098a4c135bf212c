import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  ReconciliationImportPhase,
  ReconciliationImportSource,
  ReconciliationImportStatus,
} from '@libs/contracts';

/**
 * One import of Stripe activity, a payment rail's report or a bank statement. A file is imported in one transaction and
 * recorded as done; an API import is a job: runners claim it, read the provider page by page and
 * record cursor, counts and heartbeat after each page, so another instance resumes it from its
 * cursor. At most one API import per agency is queued or running.
 */
@Entity({ name: 'reconciliation_imports' })
@Index('reconciliation_imports_one_active_api_import', ['tenantId'], {
  unique: true,
  where: `"source" = 'stripe-api' AND "status" IN ('queued', 'running')`,
})
@Index('reconciliation_imports_tenant_queued', ['tenantId', 'queuedAt'])
@Check(
  'reconciliation_imports_source',
  `"source" IN ('stripe-api', 'stripe-csv', 'bank-csv', 'camt053', 'momo-csv', 'vnpay-csv', 'payos-csv')`,
)
@Check('reconciliation_imports_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Check('reconciliation_imports_phase', `"phase" IN ('balance-transactions', 'payouts', 'done')`)
export class ReconciliationImport {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') source!: ReconciliationImportSource;
  @Column('text') status!: ReconciliationImportStatus;
  @Column('text') phase!: ReconciliationImportPhase;
  /** The range asked of Stripe (API imports), or the days a rail's report covers. */
  @Column('timestamptz', { name: 'created_from', nullable: true }) createdFrom!: Date | null;
  @Column('timestamptz', { name: 'created_to', nullable: true }) createdTo!: Date | null;
  /** The provider's cursor in the current phase (Stripe: `starting_after`, the last object read). */
  @Column('text', { name: 'resume_cursor', nullable: true }) resumeCursor!: string | null;
  /** Creation time of the last row read: how far through the range the phase is (lists run newest first). */
  @Column('timestamptz', { name: 'reached_created', nullable: true }) reachedCreated!: Date | null;
  @Column('integer', { default: 0 }) pages!: number;
  @Column('integer', { name: 'rows_read', default: 0 }) rowsRead!: number;
  @Column('integer', { name: 'rows_imported', default: 0 }) rowsImported!: number;
  @Column('integer', { name: 'rows_already_imported', default: 0 }) rowsAlreadyImported!: number;
  @Column('integer', { name: 'rows_skipped', default: 0 }) rowsSkipped!: number;
  /** Failed attempts at pages, newest last (kept to the last ten). */
  @Column('jsonb', { default: () => `'[]'` }) errors!: string[];
  /** Failed attempts at the current page; the import fails after a few. */
  @Column('integer', { name: 'page_failures', default: 0 }) pageFailures!: number;
  /** How many times an instance took the job; each write carries its claim, so a superseded instance writes nothing. */
  @Column('integer', { default: 0 }) claims!: number;
  @Column('text', { name: 'requested_by' }) requestedBy!: string;
  @CreateDateColumn({ name: 'queued_at', type: 'timestamptz' }) queuedAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true }) heartbeatAt!: Date | null;
}
