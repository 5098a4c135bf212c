import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { REVENUE_STREAMS, RevenueStream } from './journal-entry.rpc';
import { REPORT_MONTH } from './subscription-metrics.rpc';

/** What revenue rows are broken down by, besides month, stream and currency. */
export const REVENUE_GROUPINGS = ['stream', 'product', 'site', 'counterparty'] as const;

export type RevenueGrouping = (typeof REVENUE_GROUPINGS)[number];

export class RevenueReportRequest {
  @Matches(REPORT_MONTH, { message: 'from must be a month such as 2026-01' }) from!: string;
  @Matches(REPORT_MONTH, { message: 'to must be a month such as 2026-12' }) to!: string;
  /** `product` (subscriptions: the product; advertising: the ad unit), `site`, `counterparty` (advertiser, licensee); default `stream`. */
  @IsOptional() @IsIn(REVENUE_GROUPINGS) by?: RevenueGrouping;
  @IsOptional() @IsIn(REVENUE_STREAMS) stream?: RevenueStream;
}

/**
 * One month (by posting date, agency-local), stream, key and currency. Minor units.
 * `billed`: invoiced net of VAT, less voids and credit notes; `collected`: money received, fees
 * included, less refunds and chargebacks; `recognized`: revenue earned (recognition runs,
 * deliveries, usage, breakage), less make-good credits.
 */
export class RevenueReportRow {
  @Matches(REPORT_MONTH) month!: string;
  @IsIn(REVENUE_STREAMS) stream!: RevenueStream;
  /** The product, ad unit, site or counterparty id; null when grouped by stream or when the fact named none. */
  @Nullable() @IsOptional() @IsString() key!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(MINOR_UNITS) billed!: string;
  @Matches(MINOR_UNITS) collected!: string;
  @Matches(MINOR_UNITS) recognized!: string;
}

export class RevenueReportResponse {
  @IsIn(REVENUE_GROUPINGS) groupedBy!: RevenueGrouping;
  @ValidateNested({ each: true }) @Type(() => RevenueReportRow) rows!: RevenueReportRow[];
}

export const GetRevenueReport = defineRpc({
  subject: 'finance.revenue-report.get.v1',
  request: RevenueReportRequest,
  response: RevenueReportResponse,
  description:
    'Billed, collected and recognized revenue per month, stream and currency, by product (ad unit), site or counterparty.',
  roles: ['admin', 'finance'],
});
