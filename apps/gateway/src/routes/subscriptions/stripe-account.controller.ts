import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ConfigureStripeAccount,
  ConfigureStripeAccountRequest,
  GetStripeAccount,
  StripeAccountView,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** The agency's provider account at Stripe (credentials stored encrypted). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/stripe-account')
export class SubscriptionsStripeAccountController {
  constructor(private readonly rpc: RpcClient) {}

  @Put()
  @Access(ConfigureStripeAccount)
  @ApiOperation({
    summary: "Store the agency's Stripe secret key and webhook signing secret (encrypted; never shown again)",
  })
  @ApiOkResponse({ type: StripeAccountView })
  configureStripe(@Body() body: ConfigureStripeAccountRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ConfigureStripeAccount, body, caller);
  }

  @Get()
  @Access(GetStripeAccount)
  @ApiOkResponse({ type: StripeAccountView })
  stripeAccount(@CallerFor() caller: Caller) {
    return this.rpc.request(GetStripeAccount, {}, caller);
  }
}
