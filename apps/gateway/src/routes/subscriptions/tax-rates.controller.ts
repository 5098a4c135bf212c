import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { CreateTaxRate, CreateTaxRateRequest, ListTaxRates, TaxRateListResponse, TaxRateView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** VAT rates per product type with their effective dates. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/tax-rates')
export class SubscriptionsTaxRatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateTaxRate)
  @ApiOperation({ summary: 'A VAT rate for a product type over a period; periods of one product type may not overlap' })
  @ApiOkResponse({ type: TaxRateView })
  createTaxRate(@Body() body: CreateTaxRateRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateTaxRate, body, caller);
  }

  @Get()
  @Access(ListTaxRates)
  @ApiOkResponse({ type: TaxRateListResponse })
  listTaxRates(@CallerFor() caller: Caller) {
    return this.rpc.request(ListTaxRates, {}, caller);
  }
}
