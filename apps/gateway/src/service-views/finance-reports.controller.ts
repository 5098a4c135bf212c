import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsOptional } from 'class-validator';
import { Caller, RpcClient } from '@libs/common';
import {
  ArticleRevenueRow, DeferredRevenueRequest, DeferredRevenueResponse, GetDeferredRevenue, GetRevenueByArticle, GetRevenueReport, GetSubscriptionMetrics,
  RevenueByArticleRequest, RevenueByArticleResponse, RevenueReportRequest, RevenueReportResponse, RevenueReportRow, SubscriptionMetricsRequest,
  SubscriptionMetricsResponse, SubscriptionMonthMetrics,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { REPORT_FORMATS, ReportFormat, sendCsv } from '../http/csv';

class SubscriptionMetricsQuery extends SubscriptionMetricsRequest {
  /** `csv` for a spreadsheet file of the same rows. */
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

class RevenueReportQuery extends RevenueReportRequest {
  /** `csv` for a spreadsheet file of the same rows. */
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

class RevenueByArticleQuery extends RevenueByArticleRequest {
  /** `csv` for a spreadsheet file of the same rows. */
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

const ARTICLE_COLUMNS: (keyof ArticleRevenueRow)[] = ['articleId', 'currency', 'subscriptions', 'advertising', 'licensing', 'total'];

const REVENUE_COLUMNS: (keyof RevenueReportRow)[] = ['month', 'stream', 'key', 'currency', 'billed', 'collected', 'recognized'];

const METRIC_COLUMNS: (keyof SubscriptionMonthMetrics)[] = [
  'month', 'currency', 'activeAtStart', 'newSubscriptions', 'churnedSubscriptions', 'activeAtEnd', 'churnRate',
  'mrrAtStart', 'newMrr', 'expansionMrr', 'contractionMrr', 'churnedMrr', 'mrrAtEnd', 'arr', 'arpu',
];

@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reports')
export class FinanceReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('subscription-metrics')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({ summary: 'Per month (agency time zone) and currency: the MRR bridge, ARR, subscriptions won and lost, churn rate, ARPU; `format=csv` for a file' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SubscriptionMetricsResponse })
  async subscriptionMetrics(@Query() query: SubscriptionMetricsQuery, @CallerFor() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const metrics = await this.rpc.request(GetSubscriptionMetrics, { from: query.from, to: query.to }, caller);
    return query.format === 'csv' ? sendCsv(reply, `subscription-metrics-${query.from}-${query.to}.csv`, metrics.months, METRIC_COLUMNS) : metrics;
  }

  @Get('revenue')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({ summary: 'Billed, collected and recognized revenue per month, stream and currency, `by` product (ad unit), site or counterparty; `format=csv` for a file' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RevenueReportResponse })
  async revenue(@Query() query: RevenueReportQuery, @CallerFor() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetRevenueReport, request, caller);
    return format === 'csv' ? sendCsv(reply, `revenue-${report.groupedBy}-${query.from}-${query.to}.csv`, report.rows, REVENUE_COLUMNS) : report;
  }

  @Get('deferred-revenue')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({ summary: 'Deferred revenue per stream and currency, and the month each part will be recognized in (waterfall), beside the ledger balance' })
  @ApiOkResponse({ type: DeferredRevenueResponse })
  deferredRevenue(@Query() query: DeferredRevenueRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(GetDeferredRevenue, query, caller);
  }

  @Get('revenue-by-article')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({ summary: 'The articles that earned most in the months asked, across subscriptions they converted, ads on their pages and licence usage; `format=csv` for a file' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RevenueByArticleResponse })
  async revenueByArticle(@Query() query: RevenueByArticleQuery, @CallerFor() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetRevenueByArticle, request, caller);
    return format === 'csv' ? sendCsv(reply, `revenue-by-article-${query.from}-${query.to}.csv`, report.rows, ARTICLE_COLUMNS) : report;
  }
}
