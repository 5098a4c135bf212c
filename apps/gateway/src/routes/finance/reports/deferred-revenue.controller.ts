import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import { DeferredRevenueRequest, DeferredRevenueResponse, GetDeferredRevenue } from '@libs/contracts';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { ReportFormatQuery } from '../../../http/report-format.query';
import { sendCsv } from '../../../http/send-csv';

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

/** The deferred revenue report (waterfall), as JSON or CSV. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reports/deferred-revenue')
export class FinanceReportsDeferredRevenueController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetDeferredRevenue)
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
}
