import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AdoptStripeAccount,
  ConfigureStripeAccount,
  ConfigureStripeAccountRequest,
  GetStripeAccount,
  StripeAccountView,
  TenantScopedRequest,
} from '@libs/contracts';
import { StripeAccountsService } from './stripe-accounts.service';

@Controller()
export class StripeAccountsRpcController {
  constructor(private readonly accounts: StripeAccountsService) {}

  @RpcHandler(ConfigureStripeAccount)
  configure(@Payload() request: ConfigureStripeAccountRequest, @CallerOf() caller: Caller): Promise<StripeAccountView> {
    return this.accounts.configure(caller.tenantId, request);
  }

  @RpcHandler(AdoptStripeAccount)
  adopt(@Payload() request: ConfigureStripeAccountRequest, @CallerOf() caller: Caller): Promise<StripeAccountView> {
    return this.accounts.adopt(caller.tenantId, request);
  }

  @RpcHandler(GetStripeAccount)
  get(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<StripeAccountView> {
    return this.accounts.view(caller.tenantId);
  }
}
