import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { AccountListResponse, AccountView, GetAccount, ListAccounts } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

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
}
