import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';

export const PROVIDER_SYNC_TRIGGERS = ['manual', 'scheduled'] as const;
export type ProviderSyncTrigger = (typeof PROVIDER_SYNC_TRIGGERS)[number];
export const PROVIDER_SYNC_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ProviderSyncStatus = (typeof PROVIDER_SYNC_STATUSES)[number];
/**
 * A sync re-reads the subscriptions first, then the recent paid invoices, then the recent refunds, disputes and
 * gift checkouts (the payments).
 */
export const PROVIDER_SYNC_PHASES = ['subscriptions', 'invoices', 'refunds', 'disputes', 'gift-checkouts'] as const;
export type ProviderSyncPhase = (typeof PROVIDER_SYNC_PHASES)[number];

export const SYNC_JOB_LIST_LIMIT = { default: 20, max: 100 } as const;

/** How far one phase of a sync has come. */
export class SyncPhaseProgress {
  /** Objects re-read and repaired so far. */
  @IsInt() @Min(0) processed!: number;
  /** How many objects the phase has, once known (Stripe lists do not say; then known when the phase ends). */
  @Nullable() @IsOptional() @IsInt() @Min(0) total!: number | null;
  /** `processed` of `total` in whole percent, when the total is known. */
  @Nullable() @IsOptional() @IsInt() @Min(0) @Max(100) percent!: number | null;
}

/** A drift-repair run against the agency's payment provider, and how far it has come. */
export class ProviderSyncJobView {
  @IsUUID() id!: string;
  @IsIn(PROVIDER_SYNC_TRIGGERS) trigger!: ProviderSyncTrigger;
  @IsIn(PROVIDER_SYNC_STATUSES) status!: ProviderSyncStatus;
  @IsIn(PROVIDER_SYNC_PHASES) phase!: ProviderSyncPhase;
  @ValidateNested() @Type(() => SyncPhaseProgress) subscriptions!: SyncPhaseProgress;
  /** Subscriptions on the provider account that are not the agency's products (left alone). */
  @IsInt() @Min(0) subscriptionsIgnored!: number;
  @ValidateNested() @Type(() => SyncPhaseProgress) invoices!: SyncPhaseProgress;
  /** Refunds, disputes and completed gift checkouts re-read, all three phases together. */
  @ValidateNested() @Type(() => SyncPhaseProgress) payments!: SyncPhaseProgress;
  /** Paid invoices, refunds, disputes and gift checkouts created since this instant are re-read. */
  @IsString() invoicesSince!: string;
  /** Objects re-read per second, from the start to the last recorded progress (or the end). */
  @Nullable() @IsOptional() @IsNumber() @Min(0) ratePerSecond!: number | null;
  @IsString() queuedAt!: string;
  @Nullable() @IsOptional() @IsString() startedAt!: string | null;
  @Nullable() @IsOptional() @IsString() finishedAt!: string | null;
  /** When the instance running the job last showed it was alive; a stale one is taken over. */
  @Nullable() @IsOptional() @IsString() heartbeatAt!: string | null;
  /** Why the job failed (e.g. the provider's answer). */
  @Nullable() @IsOptional() @IsString() error!: string | null;
}

export class ProviderSyncJobListResponse {
  @ValidateNested({ each: true }) @Type(() => ProviderSyncJobView) items!: ProviderSyncJobView[];
}

export class ListProviderSyncJobsRequest {
  /** How many of the newest jobs (default 20). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(SYNC_JOB_LIST_LIMIT.max) limit?: number;
}

export const StartProviderSync = defineRpc({
  subject: 'subscriptions.provider-sync-job.start.v1',
  request: TenantScopedRequest,
  response: ProviderSyncJobView,
  description:
    "Queues a re-read of the agency's subscriptions and recent paid invoices from the payment provider, to repair drift; " +
    'answers the job at once, or the job already queued or running.',
  roles: ['admin', 'finance'],
});

export const GetProviderSyncJob = defineRpc({
  subject: 'subscriptions.provider-sync-job.get.v1',
  request: ByIdRequest,
  response: ProviderSyncJobView,
  description: 'One sync job: status, phase, progress, rate, result counts, error.',
  roles: ['admin', 'finance'],
});

export const ListProviderSyncJobs = defineRpc({
  subject: 'subscriptions.provider-sync-job.list.v1',
  request: ListProviderSyncJobsRequest,
  response: ProviderSyncJobListResponse,
  description: "The agency's sync jobs, newest first.",
  roles: ['admin', 'finance'],
});
