import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { CreateRailCheckout, CreateRailCheckoutRequest, RailCheckoutView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { ReaderPageRequestsService } from '../../sites/reader-page-requests.service';

/** A plan bought and its first period paid on a domestic rail (MoMo, VNPay, payOS), billed by the suite. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/rail-checkouts')
export class SubscriptionsRailCheckoutsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly readerPages: ReaderPageRequestsService,
  ) {}

  @Post()
  @Access(CreateRailCheckout)
  @ApiOperation({
    summary:
      "A plan's first period to pay on a domestic rail; send the reader to `payPageUrl`. The subscription is incomplete until paid. From a reader page (site key): `returnUrl` on the site's domain, and `readerId` only with the reader's `readerToken`",
  })
  @ApiCreatedResponse({ type: RailCheckoutView })
  async checkout(
    @Body() body: CreateRailCheckoutRequest,
    @CallerFor() caller: Caller,
    @CurrentPrincipal() principal: Principal,
  ) {
    this.readerPages.checkRedirects(principal, { returnUrl: body.returnUrl });
    await this.readerPages.checkReader(principal, caller, body);
    return this.rpc.request(CreateRailCheckout, body, caller);
  }
}
