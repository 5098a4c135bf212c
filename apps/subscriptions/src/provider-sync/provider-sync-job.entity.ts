import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProviderSyncPhase, ProviderSyncStatus, ProviderSyncTrigger } from '@libs/contracts';

/**
 * One drift-repair run of an agency's provider account: it walks the provider's subscriptions,
 * then its recent paid invoices, refunds, disputes and gift checkouts, page by page, recording progress and the provider's cursor
 * after each page, so another instance can take it over where it stopped. At most one job per
 * agency is queued or running at a time.
 */
@Entity({ name: 'provider_sync_jobs' })
@Index('provider_sync_jobs_one_active', ['tenantId'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Index('provider_sync_jobs_tenant_queued', ['tenantId', 'queuedAt'])
@Check('provider_sync_jobs_trigger', `"trigger" IN ('manual', 'scheduled')`)
@Check('provider_sync_jobs_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Check('provider_sync_jobs_phase', `"phase" IN ('subscriptions', 'invoices', 'refunds', 'disputes', 'gift-checkouts')`)
export class ProviderSyncJob {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') trigger!: ProviderSyncTrigger;
  @Column('text') status!: ProviderSyncStatus;
  @Column('text') phase!: ProviderSyncPhase;
  @Column('integer', { name: 'subscriptions_processed', default: 0 }) subscriptionsProcessed!: number;
  @Column('integer', { name: 'subscriptions_total', nullable: true }) subscriptionsTotal!: number | null;
  @Column('integer', { name: 'subscriptions_ignored', default: 0 }) subscriptionsIgnored!: number;
  @Column('integer', { name: 'invoices_processed', default: 0 }) invoicesProcessed!: number;
  @Column('integer', { name: 'invoices_total', nullable: true }) invoicesTotal!: number | null;
  /** Refunds, disputes and gift checkouts re-read, over the three payment phases. */
  @Column('integer', { name: 'payments_processed', default: 0 }) paymentsProcessed!: number;
  @Column('integer', { name: 'payments_total', nullable: true }) paymentsTotal!: number | null;
  /** The provider's pagination cursor in the current phase (where the next page starts), as the provider gave it. */
  @Column('text', { name: 'resume_cursor', nullable: true }) resumeCursor!: string | null;
  /** Fixed when queued, so a resumed job pages through the same invoice (and payment) lists. */
  @Column('timestamptz', { name: 'invoices_since' }) invoicesSince!: Date;
  /** How many times an instance took the job; each write carries its claim, so a superseded instance writes nothing. */
  @Column('integer', { default: 0 }) claims!: number;
  @CreateDateColumn({ name: 'queued_at', type: 'timestamptz' }) queuedAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true }) heartbeatAt!: Date | null;
  @Column('text', { nullable: true }) error!: string | null;
}
