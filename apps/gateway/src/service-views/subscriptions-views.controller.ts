import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { BillingSettingsView, GetBillingSettings } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionsViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('billing-settings')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: BillingSettingsView })
  billingSettings(@CallerFor() caller: Caller) {
    return this.rpc.request(GetBillingSettings, {}, caller);
  }
}
