import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsOptional } from 'class-validator';
import { Caller, RpcClient } from '@libs/common';
import { GetSubscriptionMetrics, SubscriptionMetricsRequest, SubscriptionMetricsResponse, SubscriptionMonthMetrics } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { REPORT_FORMATS, ReportFormat, sendCsv } from '../http/csv';

class SubscriptionMetricsQuery extends SubscriptionMetricsRequest {
  /** `csv` for a spreadsheet file of the same rows. */
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

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
}
