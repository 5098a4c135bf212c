import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ListProviderActivityRequest,
  ListProviderBalanceTransactions,
  ListProviderPayouts,
  ProviderBalanceTransactionPage,
  ProviderPayoutPage,
} from '@libs/contracts';
import { ProviderBalanceService } from './provider-balance.service';

/** Finance's import jobs read the agency's provider balance here; no public route leads here. */
@Controller()
export class ProviderBalanceRpcController {
  constructor(private readonly balance: ProviderBalanceService) {}

  @RpcHandler(ListProviderBalanceTransactions)
  balanceTransactions(
    @Payload() request: ListProviderActivityRequest,
    @CallerOf() caller: Caller,
  ): Promise<ProviderBalanceTransactionPage> {
    return this.balance.balanceTransactions(caller.tenantId, request);
  }

  @RpcHandler(ListProviderPayouts)
  payouts(@Payload() request: ListProviderActivityRequest, @CallerOf() caller: Caller): Promise<ProviderPayoutPage> {
    return this.balance.payouts(caller.tenantId, request);
  }
}
