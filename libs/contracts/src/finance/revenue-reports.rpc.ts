import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { REVENUE_STREAMS, RevenueStream } from './journal-entries.rpc';
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
  @IsOptional() @IsString() key!: string | null;
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
});

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
});

export class RevenueByArticleRequest {
  @Matches(REPORT_MONTH, { message: 'from must be a month such as 2026-01' }) from!: string;
  @Matches(REPORT_MONTH, { message: 'to must be a month such as 2026-12' }) to!: string;
  /** The articles that earned most, at most this many (1-500, default 100). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

/**
 * What one article earned in the months asked, tax excluded, in one currency: the paid invoices of
 * subscriptions its paywall converted (from their checkout reference), the ads on its pages, and
 * the licence usages that took it (a usage split evenly over its articles).
 */
export class ArticleRevenueRow {
  @IsString() articleId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(MINOR_UNITS) subscriptions!: string;
  @Matches(MINOR_UNITS) advertising!: string;
  @Matches(MINOR_UNITS) licensing!: string;
  @Matches(MINOR_UNITS) total!: string;
}

export class RevenueByArticleResponse {
  @ValidateNested({ each: true }) @Type(() => ArticleRevenueRow) rows!: ArticleRevenueRow[];
}

export const GetRevenueByArticle = defineRpc({
  subject: 'finance.revenue-by-article.get.v1',
  request: RevenueByArticleRequest,
  response: RevenueByArticleResponse,
  description: 'Revenue per article across the three streams: paywall conversions, ads on its pages, licence usage.',
});
