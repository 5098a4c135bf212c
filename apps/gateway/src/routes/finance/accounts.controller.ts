import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AccountBalanceView,
  AccountListResponse,
  AccountView,
  GetAccount,
  GetAccountBalance,
  ListAccounts,
  TrialBalanceRequest,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** The agency's chart of accounts and each account's balance. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/accounts')
export class FinanceAccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListAccounts)
  @ApiOkResponse({ type: AccountListResponse })
  listAccounts(@CallerFor() caller: Caller) {
    return this.rpc.request(ListAccounts, {}, caller);
  }

  @Get(':id')
  @Access(GetAccount)
  @ApiOkResponse({ type: AccountView })
  getAccount(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAccount, { id }, caller);
  }

  @Get(':id/balance')
  @Access(GetAccountBalance)
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
}
