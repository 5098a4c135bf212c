import { Nullable } from '../nullable';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { LIST_PAGE_MAX } from '../list-page';
import { REVENUE_STREAMS, RevenueStream } from './journal-entry.rpc';

/** `ratable`: per agency-local day over the service period (subscriptions, gifts, licence terms); `delivery`: as ads are delivered. */
export const RECOGNITION_METHODS = ['ratable', 'delivery'] as const;

export type RecognitionMethod = (typeof RECOGNITION_METHODS)[number];

/** `awaiting-service`: paid, period not known yet (a gift not redeemed); `expired`: recognized in full as breakage. */
export const RECOGNITION_STATUSES = ['awaiting-service', 'active', 'completed', 'voided', 'expired'] as const;

export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

export class RecognitionScheduleView {
  @IsUUID() id!: string;
  /** What it recognizes: `invoice:<provider invoice id>`, `gift:<gift id>`, `booking:<booking id>`, `agreement:<agreement id>`. */
  @IsString() source!: string;
  @IsIn(REVENUE_STREAMS) stream!: RevenueStream;
  @Nullable() @IsOptional() @IsUUID() productId!: string | null;
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  /** The advertiser or licensee. */
  @Nullable() @IsOptional() @IsUUID() counterpartyId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  @IsIn(RECOGNITION_METHODS) method!: RecognitionMethod;
  @IsIn(RECOGNITION_STATUSES) status!: RecognitionStatus;
  /** First and last agency-local day of the service period (`YYYY-MM-DD`); null until known. */
  @Nullable() @IsOptional() @IsString() firstDay!: string | null;
  @Nullable() @IsOptional() @IsString() lastDay!: string | null;
  @Nullable() @IsOptional() @IsInt() days!: number | null;
  /** The last day recognized so far (ratable schedules); null before the first. */
  @Nullable() @IsOptional() @IsString() recognizedThrough!: string | null;
  /** Deferred at billing: billed − tax. Minor units, as all amounts here. */
  @Matches(MINOR_UNITS) total!: string;
  @Matches(MINOR_UNITS) recognized!: string;
  /** total − reduced − recognized: what later days will recognize. */
  @Matches(MINOR_UNITS) remaining!: string;
  /** Refunded to the payer, tax included. */
  @Matches(MINOR_UNITS) refunds!: string;
  /** Taken off what was left by refunds, voids and make-goods. */
  @Matches(MINOR_UNITS) reduced!: string;
  @IsString() createdAt!: string;
}

export class ListRecognitionSchedulesRequest {
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page. */
  @IsOptional() @IsUUID() before?: string;
  @IsOptional() @IsIn(REVENUE_STREAMS) stream?: RevenueStream;
  @IsOptional() @IsIn(RECOGNITION_STATUSES) status?: RecognitionStatus;
}

export class RecognitionScheduleListResponse {
  @ValidateNested({ each: true }) @Type(() => RecognitionScheduleView) items!: RecognitionScheduleView[];
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export const ListRecognitionSchedules = defineRpc({
  subject: 'finance.recognition-schedule.list.v1',
  request: ListRecognitionSchedulesRequest,
  response: RecognitionScheduleListResponse,
  description:
    "The agency's revenue recognition schedules (total, recognized, remaining, refunds, dimensions), newest first, a page at a time.",
  roles: ['admin', 'finance'],
});

export const GetRecognitionSchedule = defineRpc({
  subject: 'finance.recognition-schedule.get.v1',
  request: ByIdRequest,
  response: RecognitionScheduleView,
  description: 'One revenue recognition schedule of the calling agency.',
  roles: ['admin', 'finance'],
});
