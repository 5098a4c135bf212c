import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  CreatedGiftView,
  CreateGiftCheckout,
  CreateGiftCheckoutRequest,
  GiftCheckoutView,
  RevealGiftClaimCode,
  RevealGiftClaimCodeRequest,
} from '@libs/contracts';
import { GiftCheckoutsService } from './gift-checkouts.service';

/** The agency's shop: its servers (admin or editor keys) or its pages (site key). */
const SHOP = ['admin', 'editor', 'reader'];

@Controller()
export class GiftCheckoutsRpcController {
  constructor(private readonly checkouts: GiftCheckoutsService) {}

  @RpcHandler(CreateGiftCheckout, { roles: SHOP })
  open(@Payload() request: CreateGiftCheckoutRequest, @CallerOf() caller: Caller): Promise<GiftCheckoutView> {
    return this.checkouts.open(caller.tenantId, request);
  }

  @RpcHandler(RevealGiftClaimCode, { roles: SHOP })
  revealClaimCode(
    @Payload() request: RevealGiftClaimCodeRequest,
    @CallerOf() caller: Caller,
  ): Promise<CreatedGiftView> {
    return this.checkouts.revealClaimCode(caller.tenantId, request.checkoutSessionId);
  }
}
