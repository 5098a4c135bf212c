import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreatedGiftView,
  CreateGiftCheckout,
  CreateGiftCheckoutRequest,
  GiftCheckoutView,
  RevealGiftClaimCode,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { ReaderPageRequestsService } from '../../sites/reader-page-requests.service';
import { ClaimCodeBody } from './claim-code.body';
import { ShownOnce } from '../../idempotency/shown-once.decorator';

/** Buying gifts: the hosted payment, and the claim code shown once after it. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/gift-checkouts')
export class SubscriptionsGiftCheckoutsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly readerPages: ReaderPageRequestsService,
  ) {}

  @Post()
  @Access(CreateGiftCheckout)
  @ApiSecurity('siteKey')
  @ApiOperation({
    summary:
      "A hosted payment for a gift of N months of a plan (the plan's price per interval times the intervals; months must be a whole number of intervals); send the purchaser to `url`. Put `{CHECKOUT_SESSION_ID}` in `successUrl` to fetch the claim code there, with `purchaserSecret`. From a reader page (site key), `successUrl` and `cancelUrl` must be on the site's domain",
  })
  @ApiCreatedResponse({ type: GiftCheckoutView })
  openGiftCheckout(
    @Body() body: CreateGiftCheckoutRequest,
    @CallerFor() caller: Caller,
    @CurrentPrincipal() principal: Principal,
  ) {
    this.readerPages.checkRedirects(principal, { successUrl: body.successUrl, cancelUrl: body.cancelUrl });
    return this.rpc.request(CreateGiftCheckout, body, caller);
  }

  @Post(':checkoutSessionId/claim-code')
  @ShownOnce()
  @HttpCode(200)
  @Access(RevealGiftClaimCode)
  @ApiSecurity('siteKey')
  @ApiOperation({
    summary:
      'The claim code and link of the gift paid through this checkout, shown once to whoever sends the `purchaserSecret` that opening it answered (409 before the payment is confirmed and after the first answer; 404 for an unknown checkout or another secret)',
  })
  @ApiOkResponse({ type: CreatedGiftView })
  revealGiftClaimCode(
    @Param('checkoutSessionId') checkoutSessionId: string,
    @Body() body: ClaimCodeBody,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(RevealGiftClaimCode, { checkoutSessionId, purchaserSecret: body.purchaserSecret }, caller);
  }
}
