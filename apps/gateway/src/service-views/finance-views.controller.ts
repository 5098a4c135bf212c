import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  AccountBalanceView,
  AccountListResponse,
  AccountView,
  GetAccount,
  GetAccountBalance,
  GetJournalEntry,
  GetTrialBalance,
  JournalEntryListResponse,
  JournalEntryView,
  ListAccounts,
  ListJournalEntries,
  ListJournalEntriesRequest,
  ListWaitingEvents,
  ListWaitingEventsRequest,
  ReverseJournalEntry,
  TrialBalanceLine,
  TrialBalanceRequest,
  TrialBalanceResponse,
  WaitingEventListResponse,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { ReportFormatQuery, sendCsv } from '../http/csv';
import { UuidParam } from '../http/uuid-param.pipe';

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

@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance')
export class FinanceViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('accounts')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: AccountListResponse })
  listAccounts(@CallerFor() caller: Caller) {
    return this.rpc.request(ListAccounts, {}, caller);
  }

  @Get('accounts/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: AccountView })
  getAccount(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAccount, { id }, caller);
  }

  @Get('accounts/:id/balance')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Debits, credits and balance of one account per currency, now or at the end of the day `asOf` (YYYY-MM-DD)',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    type: String,
    description: 'YYYY-MM-DD: balances at the end of that day (inclusive); now without it',
  })
  @ApiOkResponse({ type: AccountBalanceView })
  getAccountBalance(
    @Param('id', UuidParam) id: string,
    @Query() query: TrialBalanceRequest,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(GetAccountBalance, { id, ...query }, caller);
  }

  @Get('trial-balance')
  @Access({ roles: ['admin', 'finance'] })
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

  @Get('journal-entries')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      "Journal entries with their postings, newest first: `limit` (1-100), `before` (the previous page's `nextBefore`); " +
      'filters `stream`, `productId`, `siteId`, `counterpartyId`',
  })
  @ApiOkResponse({ type: JournalEntryListResponse })
  listJournalEntries(@Query() query: ListJournalEntriesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListJournalEntries, query, caller);
  }

  @Get('journal-entries/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: JournalEntryView })
  getJournalEntry(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetJournalEntry, { id }, caller);
  }

  @Post('journal-entries/:id/reversal')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Correct an entry: post its reversing entry (postings negated, dated today UTC); an entry is reversed at most once (409)',
  })
  @ApiCreatedResponse({ type: JournalEntryView })
  reverseJournalEntry(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ReverseJournalEntry, { id }, caller);
  }

  @Get('waiting-events')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Money events not in the books yet, each waiting for the fact it depends on (a refund for its charge, a void for its invoice), longest waiting first: `limit`, `after`',
  })
  @ApiOkResponse({ type: WaitingEventListResponse })
  listWaitingEvents(@Query() query: ListWaitingEventsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListWaitingEvents, query, caller);
  }
}
