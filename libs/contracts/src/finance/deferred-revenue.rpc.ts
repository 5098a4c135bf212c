import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { REVENUE_STREAMS, RevenueStream } from './journal-entry.rpc';
import { REPORT_MONTH } from './subscription-metrics.rpc';

export class DeferredRevenueRequest {
  /** Months of the waterfall, from the current one (default 12). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36) months?: number;
}

export class DeferredMonth {
  @Matches(REPORT_MONTH) month!: string;
  @Matches(MINOR_UNITS) amount!: string;
}

/**
 * What is deferred today in one stream and currency, and when it will be recognized: the ratable
 * schedules' remaining days month by month (`later`: beyond the months shown), deliveries still
 * to come (`onDelivery`), and service that has not started (`awaitingService`, e.g. a gift not redeemed).
 */
export class DeferredRevenueLine {
  @IsIn(REVENUE_STREAMS) stream!: RevenueStream;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(MINOR_UNITS) remaining!: string;
  @ValidateNested({ each: true }) @Type(() => DeferredMonth) byMonth!: DeferredMonth[];
  @Matches(MINOR_UNITS) later!: string;
  @Matches(MINOR_UNITS) onDelivery!: string;
  @Matches(MINOR_UNITS) awaitingService!: string;
}

export class DeferredLedgerBalance {
  @Matches(CURRENCY_CODE) currency!: string;
  /** The deferred revenue account's credit balance: the schedules' remaining amounts should add up to it. */
  @Matches(MINOR_UNITS) balance!: string;
}

export class DeferredRevenueResponse {
  /** Agency-local day the waterfall starts after (the last day recognized is yesterday). */
  @IsString() asOf!: string;
  @ValidateNested({ each: true }) @Type(() => DeferredRevenueLine) lines!: DeferredRevenueLine[];
  @ValidateNested({ each: true }) @Type(() => DeferredLedgerBalance) ledger!: DeferredLedgerBalance[];
}

export const GetDeferredRevenue = defineRpc({
  subject: 'finance.deferred-revenue.get.v1',
  request: DeferredRevenueRequest,
  response: DeferredRevenueResponse,
  description:
    'Deferred revenue per stream and currency and its waterfall: when the remaining schedules will recognize it.',
  roles: ['admin', 'finance'],
});
