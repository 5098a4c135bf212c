import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import { GetTrialBalance, TrialBalanceLine, TrialBalanceRequest, TrialBalanceResponse } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { ReportFormatQuery } from '../../http/report-format.query';
import { sendCsv } from '../../http/send-csv';

class TrialBalanceQuery extends IntersectionType(TrialBalanceRequest, ReportFormatQuery) {}

const TRIAL_BALANCE_COLUMNS: (keyof TrialBalanceLine)[] = [
  'currency',
  'code',
  'name',
  'type',
  'debits',
  'credits',
  'balance',
];

/** The trial balance: every account's balance per currency. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/trial-balance')
export class FinanceTrialBalanceController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetTrialBalance)
  @ApiOperation({
    summary:
      'Debits, credits and balance per account and currency, now or at the end of the day `asOf` (YYYY-MM-DD), and per currency their sums (the balance sums to zero); `format=csv` for a file of the lines',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    type: String,
    description: 'YYYY-MM-DD: balances at the end of that day (inclusive); now without it',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: TrialBalanceResponse })
  async trialBalance(
    @Query() query: TrialBalanceQuery,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...request } = query;
    const trial = await this.rpc.request(GetTrialBalance, request, caller);
    return format === 'csv'
      ? sendCsv(reply, `trial-balance-${trial.asOf ?? 'now'}.csv`, trial.lines, TRIAL_BALANCE_COLUMNS)
      : trial;
  }
}
