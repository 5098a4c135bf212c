import { IsIn, IsInt, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { REVENUE_STREAMS, RevenueStream } from './journal-entry.rpc';

/** One journal entry a recognition run posted: a stream's revenue in one currency for one or more days. */
export class RecognitionRunEntry {
  @IsUUID() entryId!: string;
  @IsIn(REVENUE_STREAMS) stream!: RevenueStream;
  @Matches(CURRENCY_CODE) currency!: string;
  @IsString() postedOn!: string;
  @Matches(MINOR_UNITS) amount!: string;
  /** Schedules and schedule-days it covers. */
  @IsInt() schedules!: number;
  @IsInt() days!: number;
}

export class RecognitionRunResponse {
  /** The last day recognized: yesterday in the agency's time zone. */
  @IsString() through!: string;
  @IsInt() schedules!: number;
  @IsInt() days!: number;
  @ValidateNested({ each: true }) @Type(() => RecognitionRunEntry) entries!: RecognitionRunEntry[];
}

export const RunRecognition = defineRpc({
  subject: 'finance.recognition-run.start.v1',
  request: TenantScopedRequest,
  response: RecognitionRunResponse,
  description:
    'Recognizes now, for the calling agency, every day up to yesterday (agency-local) not recognized yet, as the periodic run does; answers what it posted (nothing when another run holds the agency).',
  roles: ['admin', 'finance'],
});
