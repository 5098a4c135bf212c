import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { CheckoutView, CreateCheckout, CreateCheckoutRequest } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { ReaderPageRequestsService } from '../../sites/reader-page-requests.service';

/** Checkouts of a plan at the provider's hosted page. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/checkout-sessions')
export class SubscriptionsCheckoutSessionsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly readerPages: ReaderPageRequestsService,
  ) {}

  @Post()
  @Access(CreateCheckout)
  @ApiOperation({
    summary:
      "A hosted checkout for a plan; send the reader to `url`. From a reader page (site key): `successUrl` and `cancelUrl` on the site's domain, and `readerId` only with the reader's `readerToken`",
  })
  @ApiCreatedResponse({ type: CheckoutView })
  async checkout(
    @Body() body: CreateCheckoutRequest,
    @CallerFor() caller: Caller,
    @CurrentPrincipal() principal: Principal,
  ) {
    this.readerPages.checkRedirects(principal, { successUrl: body.successUrl, cancelUrl: body.cancelUrl });
    await this.readerPages.checkReader(principal, caller, body);
    return this.rpc.request(CreateCheckout, body, caller);
  }
}
