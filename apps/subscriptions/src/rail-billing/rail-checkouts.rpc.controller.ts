import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { CreateRailCheckout, CreateRailCheckoutRequest, RailCheckoutView } from '@libs/contracts';
import { RailCheckoutsService } from './rail-checkouts.service';

@Controller()
export class RailCheckoutsRpcController {
  constructor(private readonly checkouts: RailCheckoutsService) {}

  /** A reader page's reader token was checked by the gateway, as for the provider's checkout. */
  @RpcHandler(CreateRailCheckout)
  open(@Payload() request: CreateRailCheckoutRequest, @CallerOf() caller: Caller): Promise<RailCheckoutView> {
    return this.checkouts.open(caller.tenantId, request, caller.requestId);
  }
}
