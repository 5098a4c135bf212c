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

@Controller()
export class GiftCheckoutsRpcController {
  constructor(private readonly checkouts: GiftCheckoutsService) {}

  @RpcHandler(CreateGiftCheckout)
  open(@Payload() request: CreateGiftCheckoutRequest, @CallerOf() caller: Caller): Promise<GiftCheckoutView> {
    return this.checkouts.open(caller.tenantId, request);
  }

  @RpcHandler(RevealGiftClaimCode)
  revealClaimCode(
    @Payload() request: RevealGiftClaimCodeRequest,
    @CallerOf() caller: Caller,
  ): Promise<CreatedGiftView> {
    return this.checkouts.revealClaimCode(caller.tenantId, request);
  }
}
