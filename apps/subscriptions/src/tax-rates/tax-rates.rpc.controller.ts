import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  CreateTaxRate,
  CreateTaxRateRequest,
  ListTaxRates,
  TaxRateListResponse,
  TaxRateView,
  TenantScopedRequest,
} from '@libs/contracts';
import { TaxRatesService } from './tax-rates.service';

@Controller()
export class TaxRatesRpcController {
  constructor(private readonly rates: TaxRatesService) {}

  @RpcHandler(CreateTaxRate)
  create(@Payload() request: CreateTaxRateRequest, @CallerOf() caller: Caller): Promise<TaxRateView> {
    return this.rates.create(caller.tenantId, request);
  }

  @RpcHandler(ListTaxRates)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<TaxRateListResponse> {
    return { items: await this.rates.list(caller.tenantId) };
  }
}
