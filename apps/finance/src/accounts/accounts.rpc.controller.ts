import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AccountListResponse,
  AccountView,
  ByIdRequest,
  GetAccount,
  ListAccounts,
  TenantScopedRequest,
} from '@libs/contracts';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsRpcController {
  constructor(private readonly accounts: AccountsService) {}

  @RpcHandler(ListAccounts)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<AccountListResponse> {
    return { items: await this.accounts.list(caller.tenantId) };
  }

  @RpcHandler(GetAccount)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<AccountView> {
    return this.accounts.get(caller.tenantId, request.id);
  }
}
