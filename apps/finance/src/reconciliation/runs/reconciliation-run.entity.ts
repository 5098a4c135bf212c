import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReconciliationRunStatus } from '@libs/contracts';

/**
 * One matching of an agency's imported Stripe activity and bank lines against its books. Runs in
 * one transaction; a run whose instance died is taken over and run again (a run changes nothing
 * twice: exceptions are keyed by what they are about). One run per agency at a time.
 */
@Entity({ name: 'reconciliation_runs' })
@Index('reconciliation_runs_one_active', ['tenantId'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Index('reconciliation_runs_tenant_queued', ['tenantId', 'queuedAt'])
@Check('reconciliation_runs_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
export class ReconciliationRun {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') status!: ReconciliationRunStatus;
  /** As asked; null: the span of the imported Stripe transactions, fixed when the run starts. */
  @Column('timestamptz', { name: 'window_from', nullable: true }) windowFrom!: Date | null;
  @Column('timestamptz', { name: 'window_to', nullable: true }) windowTo!: Date | null;
  @Column('integer', { name: 'stripe_transactions', default: 0 }) stripeTransactions!: number;
  @Column('integer', { default: 0 }) matched!: number;
  @Column('integer', { name: 'payouts_matched', default: 0 }) payoutsMatched!: number;
  @Column('integer', { name: 'exceptions_opened', default: 0 }) exceptionsOpened!: number;
  @Column('integer', { name: 'exceptions_cleared', default: 0 }) exceptionsCleared!: number;
  @Column('integer', { name: 'duration_ms', nullable: true }) durationMs!: number | null;
  @Column('integer', { default: 0 }) claims!: number;
  @Column('text', { name: 'requested_by' }) requestedBy!: string;
  @CreateDateColumn({ name: 'queued_at', type: 'timestamptz' }) queuedAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true }) heartbeatAt!: Date | null;
  @Column('text', { nullable: true }) error!: string | null;
}
