import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { CreateGiftRailCheckout, CreateGiftRailCheckoutRequest, GiftRailCheckoutView } from '@libs/contracts';
import { GiftRailCheckoutsService } from './gift-rail-checkouts.service';

@Controller()
export class GiftRailCheckoutsRpcController {
  constructor(private readonly checkouts: GiftRailCheckoutsService) {}

  @RpcHandler(CreateGiftRailCheckout)
  open(@Payload() request: CreateGiftRailCheckoutRequest, @CallerOf() caller: Caller): Promise<GiftRailCheckoutView> {
    return this.checkouts.open(caller.tenantId, request, caller.requestId);
  }
}
