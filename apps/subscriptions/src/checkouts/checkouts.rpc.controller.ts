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

/** Called by the agency's servers (admin or editor keys) and by reader pages (site key). */
const OPENERS = ['admin', 'editor', 'reader'];

@Controller()
export class CheckoutsRpcController {
  constructor(private readonly checkouts: CheckoutsService) {}

  @RpcHandler(CreateCheckout, { roles: OPENERS })
  open(@Payload() request: CreateCheckoutRequest, @CallerOf() caller: Caller): Promise<CheckoutView> {
    return this.checkouts.open(caller.tenantId, request);
  }

  @RpcHandler(CreatePortal, { roles: ['admin', 'editor'] })
  openPortal(@Payload() request: CreatePortalRequest, @CallerOf() caller: Caller): Promise<PortalView> {
    return this.checkouts.openPortal(caller.tenantId, request);
  }
}
