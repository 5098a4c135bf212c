import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreatedGiftView,
  CreateGiftRailCheckout,
  CreateGiftRailCheckoutRequest,
  GiftRailCheckoutView,
  RevealGiftClaimCode,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { ShownOnce } from '../../idempotency/shown-once.decorator';
import { ReaderPageRequestsService } from '../../sites/reader-page-requests.service';
import { ClaimCodeBody } from './claim-code.body';

/** Buying gifts on a domestic rail (MoMo, VNPay, payOS): the payment, and the claim code shown once after it. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/gift-rail-checkouts')
export class SubscriptionsGiftRailCheckoutsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly readerPages: ReaderPageRequestsService,
  ) {}

  @Post()
  @ShownOnce()
  @Access(CreateGiftRailCheckout)
  @ApiSecurity('siteKey')
  @ApiOperation({
    summary:
      "A payment on a domestic rail for a gift of N months of a plan (the plan's price per interval times the intervals, VAT as by card; months must be a whole number of intervals); send the purchaser to `payPageUrl`. Keep `giftPurchaseId` and `purchaserSecret` (shown only here) to fetch the claim code once paid. From a reader page (site key), `returnUrl` must be on the site's domain",
  })
  @ApiCreatedResponse({ type: GiftRailCheckoutView })
  openGiftRailCheckout(
    @Body() body: CreateGiftRailCheckoutRequest,
    @CallerFor() caller: Caller,
    @CurrentPrincipal() principal: Principal,
  ) {
    this.readerPages.checkRedirects(principal, { returnUrl: body.returnUrl });
    return this.rpc.request(CreateGiftRailCheckout, body, caller);
  }

  @Post(':giftPurchaseId/claim-code')
  @ShownOnce()
  @HttpCode(200)
  @Access(RevealGiftClaimCode)
  @ApiSecurity('siteKey')
  @ApiOperation({
    summary:
      'The claim code and link of the gift paid on a rail, shown once to whoever sends the `purchaserSecret` that opening the rail gift checkout answered (409 before the payment has arrived and after the first answer; 404 for an unknown purchase or another secret)',
  })
  @ApiOkResponse({ type: CreatedGiftView })
  revealGiftClaimCode(
    @Param('giftPurchaseId') giftPurchaseId: string,
    @Body() body: ClaimCodeBody,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(RevealGiftClaimCode, { giftPurchaseId, purchaserSecret: body.purchaserSecret }, caller);
  }
}
