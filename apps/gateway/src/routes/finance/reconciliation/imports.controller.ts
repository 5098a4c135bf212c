import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  GetReconciliationImport,
  IMPORT_FILE_MAX_BYTES,
  ImportBankCsv,
  ImportCamt053,
  ImportRailReport,
  ImportStripeReport,
  ListReconciliationImports,
  ListReconciliationImportsRequest,
  ReconciliationImportListResponse,
  ReconciliationImportView,
  StartStripeApiImport,
  StartStripeApiImportRequest,
} from '@libs/contracts';
import { ReconciliationListLimitQuery } from './reconciliation-list-limit.query';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { UuidParam } from '../../../http/uuid-param.pipe';

const CSV = /^text\/csv\b/i;

const XML = /^(application|text)\/xml\b/i;

/** What every rail's report may hold (the columns; see docs/api/finance.md for each rail's header names). */
const RAIL_REPORT_SUMMARY =
  "columns, by English or Vietnamese header names, in any order (others ignored): transaction id (the rail's, = the payment's providerTransactionId " +
  "or the refund's providerRefundId), order id, amount, fee, transaction time, type (payment/refund), status, and optionally net, settlement date, " +
  'settlement batch, currency (default VND). Settled lines are booked Dr Bank net, Dr 5100 fee, Cr the clearing account gross on the settlement day. ' +
  'All or nothing: a bad row answers 400 naming `line N`; lines imported before are left alone and booked once';

/** Reconciliation imports: Stripe balance transactions and payouts through the API, Stripe and rail reports and bank statements as files. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reconciliation/imports')
export class FinanceReconciliationImportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(202)
  @Access(StartStripeApiImport)
  @ApiOperation({
    summary:
      "Start importing the agency's Stripe balance transactions and payouts created in [from, to) through the API (paced, resumable); " +
      'answers the job at once (409 while another is queued or running). Follow `Location` until `status` is succeeded or failed',
  })
  @ApiAcceptedResponse({
    type: ReconciliationImportView,
    headers: {
      Location: { description: 'the import: `/v1/finance/reconciliation/imports/{id}`', schema: { type: 'string' } },
    },
  })
  async startApiImport(
    @Body() body: StartStripeApiImportRequest,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const job = await this.rpc.request(StartStripeApiImport, body, caller);
    void reply.header('location', `/v1/finance/reconciliation/imports/${job.id}`);
    return job;
  }

  @Post('stripe-csv')
  @Access(ImportStripeReport)
  @ApiOperation({
    summary:
      "Import Stripe's balance report CSV (itemized: balance_transaction_id, created_utc, currency, gross, fee, net, reporting_category, source_id, " +
      '…; amounts in major units, whole units for VND). All or nothing: a bad row answers 400 naming `line N`; rows imported before are left alone',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ReconciliationImportView })
  importStripeReport(
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(ImportStripeReport, { content: fileOf(body, type, CSV, 'text/csv') }, caller);
  }

  @Post('bank-csv')
  @Access(ImportBankCsv)
  @ApiOperation({
    summary:
      'Import a bank statement as CSV with the columns date (YYYY-MM-DD), amount (major units, negative for debits), currency, reference ' +
      "(the bank's, unique), counterparty and optionally description. All or nothing (400 names `line N`); lines imported before are left alone",
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ReconciliationImportView })
  importBankCsv(@Body() body: unknown, @Headers('content-type') type: string | undefined, @CallerFor() caller: Caller) {
    return this.rpc.request(ImportBankCsv, { content: fileOf(body, type, CSV, 'text/csv') }, caller);
  }

  @Post('camt053')
  @Access(ImportCamt053)
  @ApiOperation({
    summary:
      'Import an ISO 20022 camt.053 bank statement (booked entries of BkToCstmrStmt/Stmt/Ntry). All or nothing: 400 names the XML `line N` ' +
      'or the entry, e.g. `Ntry[3].Amt`; entries imported before (by AcctSvcrRef) are left alone',
  })
  @ApiConsumes('application/xml')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ReconciliationImportView })
  importCamt053(@Body() body: unknown, @Headers('content-type') type: string | undefined, @CallerFor() caller: Caller) {
    return this.rpc.request(ImportCamt053, { content: fileOf(body, type, XML, 'application/xml') }, caller);
  }

  @Post('momo-csv')
  @Access(ImportRailReport)
  @ApiOperation({
    summary: `Import a MoMo transaction report (business.momo.vn export, as CSV): ${RAIL_REPORT_SUMMARY}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ReconciliationImportView })
  importMomoReport(
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(ImportRailReport, { rail: 'momo', content: fileOf(body, type, CSV, 'text/csv') }, caller);
  }

  @Post('vnpay-csv')
  @Access(ImportRailReport)
  @ApiOperation({
    summary: `Import a VNPay transaction or settlement (đối soát) report from its merchant portal, as CSV: ${RAIL_REPORT_SUMMARY}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ReconciliationImportView })
  importVnpayReport(
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(ImportRailReport, { rail: 'vnpay', content: fileOf(body, type, CSV, 'text/csv') }, caller);
  }

  @Post('payos-csv')
  @Access(ImportRailReport)
  @ApiOperation({ summary: `Import a payOS transaction list export, as CSV: ${RAIL_REPORT_SUMMARY}` })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ReconciliationImportView })
  importPayosReport(
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(ImportRailReport, { rail: 'payos', content: fileOf(body, type, CSV, 'text/csv') }, caller);
  }

  @Get()
  @Access(ListReconciliationImports)
  @ApiOperation({ summary: "The agency's reconciliation imports (API and files), newest first" })
  @ReconciliationListLimitQuery()
  @ApiOkResponse({ type: ReconciliationImportListResponse })
  listImports(@Query() query: ListReconciliationImportsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListReconciliationImports, query, caller);
  }

  @Get(':id')
  @Access(GetReconciliationImport)
  @ApiOperation({
    summary: 'An import: status, phase, rows read and imported, percent (when knowable), rows per second, errors',
  })
  @ApiOkResponse({ type: ReconciliationImportView })
  getImport(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetReconciliationImport, { id }, caller);
  }
}

/** The file as sent: the body must be of the route's type, and small enough to travel to finance in one message. */
function fileOf(body: unknown, contentType: string | undefined, accepted: RegExp, expected: string): string {
  if (typeof body !== 'string' || !accepted.test(contentType ?? ''))
    throw new UnsupportedMediaTypeException(`send the file as ${expected}`);
  if (Buffer.byteLength(body, 'utf8') > IMPORT_FILE_MAX_BYTES)
    throw new PayloadTooLargeException(
      `a file of at most ${IMPORT_FILE_MAX_BYTES} bytes: split the statement by period`,
    );
  return body;
}
