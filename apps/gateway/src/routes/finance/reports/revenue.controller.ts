import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import { GetRevenueReport, RevenueReportRequest, RevenueReportResponse, RevenueReportRow } from '@libs/contracts';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { ReportFormatQuery } from '../../../http/report-format.query';
import { sendCsv } from '../../../http/send-csv';

class RevenueReportQuery extends IntersectionType(RevenueReportRequest, ReportFormatQuery) {}

const REVENUE_COLUMNS: (keyof RevenueReportRow)[] = [
  'month',
  'stream',
  'key',
  'currency',
  'billed',
  'collected',
  'recognized',
];

/** The revenue report: billed, collected and recognized, as JSON or CSV. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reports/revenue')
export class FinanceReportsRevenueController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetRevenueReport)
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
}
