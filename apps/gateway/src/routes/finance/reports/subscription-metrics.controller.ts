import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  GetSubscriptionMetrics,
  SubscriptionMetricsRequest,
  SubscriptionMetricsResponse,
  SubscriptionMonthMetrics,
} from '@libs/contracts';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { ReportFormatQuery } from '../../../http/report-format.query';
import { sendCsv } from '../../../http/send-csv';

class SubscriptionMetricsQuery extends IntersectionType(SubscriptionMetricsRequest, ReportFormatQuery) {}

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

/** The subscription metrics report (MRR bridge, ARR, churn, ARPU), as JSON or CSV. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reports/subscription-metrics')
export class FinanceReportsSubscriptionMetricsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetSubscriptionMetrics)
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
}
