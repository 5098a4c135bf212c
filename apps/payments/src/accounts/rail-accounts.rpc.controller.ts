import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ConfigurePaymentAccount,
  ConfigurePaymentAccountRequest,
  ListPaymentAccounts,
  PaymentAccountListResponse,
  PaymentAccountView,
  TenantScopedRequest,
} from '@libs/contracts';
import { RailAccountsService } from './rail-accounts.service';

@Controller()
export class RailAccountsRpcController {
  constructor(private readonly accounts: RailAccountsService) {}

  @RpcHandler(ConfigurePaymentAccount)
  configure(
    @Payload() request: ConfigurePaymentAccountRequest,
    @CallerOf() caller: Caller,
  ): Promise<PaymentAccountView> {
    return this.accounts.configure(caller.tenantId, request);
  }

  @RpcHandler(ListPaymentAccounts)
  async list(
    @Payload() _request: TenantScopedRequest,
    @CallerOf() caller: Caller,
  ): Promise<PaymentAccountListResponse> {
    return { items: await this.accounts.list(caller.tenantId) };
  }
}
