import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { LIST_PAGE_MAX } from '../list-page';

/**
 * `open`: retries are scheduled; `recovered`: the invoice was paid; `exhausted`: the last retry
 * failed and the policy's final action was applied; `closed`: ended otherwise (subscription
 * cancelled, invoice voided or written off).
 */
export const DUNNING_CASE_STATUSES = ['open', 'recovered', 'exhausted', 'closed'] as const;
export type DunningCaseStatus = (typeof DUNNING_CASE_STATUSES)[number];

/** A failed renewal the suite is chasing: one per unpaid invoice. */
export class DunningCaseView {
  @IsUUID() id!: string;
  @IsUUID() invoiceId!: string;
  @IsString() providerInvoiceId!: string;
  @IsUUID() subscriptionId!: string;
  /** The reader at risk (`reader:<id>` or `email:<address>`). */
  @IsString() readerKey!: string;
  @IsIn(DUNNING_CASE_STATUSES) status!: DunningCaseStatus;
  @Matches(CURRENCY_CODE) currency!: string;
  /** What the reader owes, tax included (minor units). */
  @Matches(MINOR_UNITS) amountDue!: string;
  /** When the renewal payment first failed. */
  @IsString() openedAt!: string;
  /** Days after `openedAt` on which the suite retries the payment (the policy when the case opened). */
  @IsInt({ each: true }) retryDays!: number[];
  /** Retries the suite has made so far (the failed renewal itself not counted). */
  @IsInt() @Min(0) attemptsMade!: number;
  /** When the next retry is due; null once the case is no longer open. */
  @Nullable() @IsOptional() @IsString() nextRetryAt!: string | null;
  /** Why the last retry failed, as the provider said it. */
  @Nullable() @IsOptional() @IsString() lastFailure!: string | null;
  @Nullable() @IsOptional() @IsString() closedAt!: string | null;
  /** Why the case left `open`: `invoice paid`, `retries exhausted`, `subscription canceled`, `invoice void`, ... */
  @Nullable() @IsOptional() @IsString() closedReason!: string | null;
  /** What the policy did after the last failed retry. */
  @Nullable() @IsOptional() @IsIn(['cancel', 'pause']) finalAction!: 'cancel' | 'pause' | null;
  /**
   * A payment (payments service) that arrived for the invoice after the case ended it unpaid (a
   * subscription the suite bills): the money is held, not applied; staff refund it.
   */
  @Nullable() @IsOptional() @IsUUID() latePaymentId!: string | null;
}

export class ListDunningCasesRequest {
  /** Defaults to `open`: the readers at risk now. */
  @IsOptional() @IsIn(DUNNING_CASE_STATUSES) status?: DunningCaseStatus;
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page: the page starts after this case. */
  @IsOptional() @IsUUID() before?: string;
}

export class DunningCaseListResponse {
  @ValidateNested({ each: true }) @Type(() => DunningCaseView) items!: DunningCaseView[];
  /** Pass as `before` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export const ListDunningCases = defineRpc({
  subject: 'subscriptions.dunning-case.list.v1',
  request: ListDunningCasesRequest,
  response: DunningCaseListResponse,
  description: 'Failed renewals the suite is retrying (open by default), newest first, a page at a time.',
  roles: ['admin', 'editor', 'finance'],
});

export const GetDunningCase = defineRpc({
  subject: 'subscriptions.dunning-case.get.v1',
  request: ByIdRequest,
  response: DunningCaseView,
  description: 'One dunning case: its retry schedule, attempts made and outcome.',
  roles: ['admin', 'editor', 'finance'],
});
