import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  CheckoutView,
  CreateCheckout,
  CreateCheckoutRequest,
  CreatePortal,
  CreatePortalRequest,
  PortalView,
} from '@libs/contracts';
import { CheckoutsService } from './checkouts.service';

@Controller()
export class CheckoutsRpcController {
  constructor(private readonly checkouts: CheckoutsService) {}

  @RpcHandler(CreateCheckout)
  open(@Payload() request: CreateCheckoutRequest, @CallerOf() caller: Caller): Promise<CheckoutView> {
    return this.checkouts.open(caller.tenantId, request);
  }

  @RpcHandler(CreatePortal)
  openPortal(@Payload() request: CreatePortalRequest, @CallerOf() caller: Caller): Promise<PortalView> {
    return this.checkouts.openPortal(caller.tenantId, request);
  }
}
