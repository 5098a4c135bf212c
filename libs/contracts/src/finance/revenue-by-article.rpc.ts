import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { REPORT_MONTH } from './subscription-metrics.rpc';

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
  roles: ['admin', 'finance'],
});
