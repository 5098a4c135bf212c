import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import { DeliveryReportRequest, DeliveryReportRow, DeliveryReportView, GetDeliveryReport } from '@libs/contracts';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { ReportFormatQuery } from '../../../http/report-format.query';
import { sendCsv } from '../../../http/send-csv';

class DeliveryReportQuery extends IntersectionType(DeliveryReportRequest, ReportFormatQuery) {}

const ROW_COLUMNS: (keyof DeliveryReportRow)[] = [
  'key',
  'impressions',
  'viewables',
  'viewableRate',
  'clicks',
  'ctr',
  'uniqueReaders',
];

/** The delivery report, as JSON or CSV. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/reports/delivery')
export class AdvertisingReportsDeliveryController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetDeliveryReport)
  @ApiOperation({
    summary:
      "Delivery per agency-local day, hour, line, unit or article (`groupBy`) of an order, a line or everything in scope: impressions, viewable rate, clicks, CTR, unique readers, and each line against its goal and pace. `format=csv` or `Accept: text/csv` for the rows as a file. An advertiser's key sees only its own orders (another's id: 404)",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DeliveryReportView })
  async deliveryReport(
    @Query() query: DeliveryReportQuery,
    @Headers('accept') accept: string | undefined,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetDeliveryReport, request, caller);
    const csv = format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(accept ?? ''));
    return csv
      ? sendCsv(reply, `delivery-by-${report.groupBy}-${report.from}-${report.to}.csv`, report.rows, ROW_COLUMNS)
      : report;
  }
}
