import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { CheckoutView, CreateCheckout, CreateCheckoutRequest } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Checkouts of a plan at the provider's hosted page. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/checkout-sessions')
export class SubscriptionsCheckoutSessionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateCheckout)
  @ApiOperation({ summary: 'A hosted checkout for a plan; send the reader to `url`' })
  @ApiCreatedResponse({ type: CheckoutView })
  checkout(@Body() body: CreateCheckoutRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateCheckout, body, caller);
  }
}
