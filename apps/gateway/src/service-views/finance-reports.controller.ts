import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  ArticleRevenueRow,
  DeferredRevenueRequest,
  DeferredRevenueResponse,
  GetDeferredRevenue,
  GetRevenueByArticle,
  GetRevenueReport,
  GetSubscriptionMetrics,
  RevenueByArticleRequest,
  RevenueByArticleResponse,
  RevenueReportRequest,
  RevenueReportResponse,
  RevenueReportRow,
  SubscriptionMetricsRequest,
  SubscriptionMetricsResponse,
  SubscriptionMonthMetrics,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { ReportFormatQuery, sendCsv } from '../http/csv';

class SubscriptionMetricsQuery extends IntersectionType(SubscriptionMetricsRequest, ReportFormatQuery) {}
class RevenueReportQuery extends IntersectionType(RevenueReportRequest, ReportFormatQuery) {}
class RevenueByArticleQuery extends IntersectionType(RevenueByArticleRequest, ReportFormatQuery) {}
class DeferredRevenueQuery extends IntersectionType(DeferredRevenueRequest, ReportFormatQuery) {}

/** A waterfall cell in long form (one row per stream, currency and bucket), as a spreadsheet pivots it. */
interface DeferredRevenueCell {
  stream: string;
  currency: string;
  /** A month (`YYYY-MM`), `later`, `on-delivery` or `awaiting-service`. */
  recognizedIn: string;
  amount: string;
}

const DEFERRED_COLUMNS: (keyof DeferredRevenueCell)[] = ['stream', 'currency', 'recognizedIn', 'amount'];

const ARTICLE_COLUMNS: (keyof ArticleRevenueRow)[] = [
  'articleId',
  'currency',
  'subscriptions',
  'advertising',
  'licensing',
  'total',
];

const REVENUE_COLUMNS: (keyof RevenueReportRow)[] = [
  'month',
  'stream',
  'key',
  'currency',
  'billed',
  'collected',
  'recognized',
];

const METRIC_COLUMNS: (keyof SubscriptionMonthMetrics)[] = [
  'month',
  'currency',
  'activeAtStart',
  'newSubscriptions',
  'churnedSubscriptions',
  'activeAtEnd',
  'churnRate',
  'mrrAtStart',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'mrrAtEnd',
  'arr',
  'arpu',
];

@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reports')
export class FinanceReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('subscription-metrics')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Per month (agency time zone) and currency: the MRR bridge, ARR, subscriptions won and lost, churn rate, ARPU; `format=csv` for a file',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SubscriptionMetricsResponse })
  async subscriptionMetrics(
    @Query() query: SubscriptionMetricsQuery,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const metrics = await this.rpc.request(GetSubscriptionMetrics, { from: query.from, to: query.to }, caller);
    return query.format === 'csv'
      ? sendCsv(reply, `subscription-metrics-${query.from}-${query.to}.csv`, metrics.months, METRIC_COLUMNS)
      : metrics;
  }

  @Get('revenue')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Billed, collected and recognized revenue per month, stream and currency, `by` product (ad unit), site or counterparty; `format=csv` for a file',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RevenueReportResponse })
  async revenue(
    @Query() query: RevenueReportQuery,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetRevenueReport, request, caller);
    return format === 'csv'
      ? sendCsv(reply, `revenue-${report.groupedBy}-${query.from}-${query.to}.csv`, report.rows, REVENUE_COLUMNS)
      : report;
  }

  @Get('deferred-revenue')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Deferred revenue per stream and currency, and the month each part will be recognized in (waterfall), beside the ledger balance; `format=csv` for a file',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DeferredRevenueResponse })
  async deferredRevenue(
    @Query() query: DeferredRevenueQuery,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetDeferredRevenue, request, caller);
    if (format !== 'csv') return report;
    const cells = report.lines.flatMap((line): DeferredRevenueCell[] => [
      ...line.byMonth.map((m) => ({
        stream: line.stream,
        currency: line.currency,
        recognizedIn: m.month,
        amount: m.amount,
      })),
      { stream: line.stream, currency: line.currency, recognizedIn: 'later', amount: line.later },
      { stream: line.stream, currency: line.currency, recognizedIn: 'on-delivery', amount: line.onDelivery },
      { stream: line.stream, currency: line.currency, recognizedIn: 'awaiting-service', amount: line.awaitingService },
    ]);
    return sendCsv(reply, `deferred-revenue-${report.asOf}.csv`, cells, DEFERRED_COLUMNS);
  }

  @Get('revenue-by-article')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'The articles that earned most in the months asked, across subscriptions they converted, ads on their pages and licence usage; `format=csv` for a file',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RevenueByArticleResponse })
  async revenueByArticle(
    @Query() query: RevenueByArticleQuery,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetRevenueByArticle, request, caller);
    return format === 'csv'
      ? sendCsv(reply, `revenue-by-article-${query.from}-${query.to}.csv`, report.rows, ARTICLE_COLUMNS)
      : report;
  }
}
