import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { RECONCILIATION_LIST_LIMIT } from './reconciliation-import.rpc';

export const RECONCILIATION_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ReconciliationRunStatus = (typeof RECONCILIATION_RUN_STATUSES)[number];

export class StartReconciliationRunRequest {
  /** Differences are reported for items dated from this instant… (default: the oldest imported Stripe transaction). */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  /** …until this one, exclusive (default: just after the newest imported Stripe transaction). */
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

/** A matching of imported Stripe activity and bank lines against the books, and what it found. */
export class ReconciliationRunView {
  @IsUUID() id!: string;
  @IsIn(RECONCILIATION_RUN_STATUSES) status!: ReconciliationRunStatus;
  /** The window differences were reported for (null until the run starts when defaulted). */
  @Nullable() @IsOptional() @IsString() from!: string | null;
  @Nullable() @IsOptional() @IsString() to!: string | null;
  /** Stripe balance transactions compared with the books. */
  @IsInt() @Min(0) stripeTransactions!: number;
  /** Of those, the ones that agree with a journal entry (same Stripe object, currency and amount). */
  @IsInt() @Min(0) matched!: number;
  /** Payouts found on a bank statement during this run. */
  @IsInt() @Min(0) payoutsMatched!: number;
  /** Exceptions this run opened (new, or found again after they had cleared). */
  @IsInt() @Min(0) exceptionsOpened!: number;
  /** Open exceptions of the window whose difference is gone (e.g. the entry arrived late). */
  @IsInt() @Min(0) exceptionsCleared!: number;
  /** Time the matching itself took, milliseconds. */
  @Nullable() @IsOptional() @IsInt() @Min(0) durationMs!: number | null;
  @IsString() queuedAt!: string;
  @Nullable() @IsOptional() @IsString() startedAt!: string | null;
  @Nullable() @IsOptional() @IsString() finishedAt!: string | null;
  @Nullable() @IsOptional() @IsString() error!: string | null;
}

export class ReconciliationRunListResponse {
  @ValidateNested({ each: true }) @Type(() => ReconciliationRunView) items!: ReconciliationRunView[];
}

export class ListReconciliationRunsRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(RECONCILIATION_LIST_LIMIT.max) limit?: number;
}

export const StartReconciliationRun = defineRpc({
  subject: 'finance.reconciliation-run.start.v1',
  request: StartReconciliationRunRequest,
  response: ReconciliationRunView,
  description:
    'Queues a matching of imported Stripe activity and bank lines against the books; answers the run at once, or the one already queued or running.',
  roles: ['admin', 'finance'],
});

export const GetReconciliationRun = defineRpc({
  subject: 'finance.reconciliation-run.get.v1',
  request: ByIdRequest,
  response: ReconciliationRunView,
  description: 'One reconciliation run and what it found.',
  roles: ['admin', 'finance'],
});

export const ListReconciliationRuns = defineRpc({
  subject: 'finance.reconciliation-run.list.v1',
  request: ListReconciliationRunsRequest,
  response: ReconciliationRunListResponse,
  description: "The agency's reconciliation runs, newest first.",
  roles: ['admin', 'finance'],
});
