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
  READER_ROLE,
} from '@libs/contracts';
import { CheckoutsService } from './checkouts.service';

@Controller()
export class CheckoutsRpcController {
  constructor(private readonly checkouts: CheckoutsService) {}

  @RpcHandler(CreateCheckout)
  open(@Payload() request: CreateCheckoutRequest, @CallerOf() caller: Caller): Promise<CheckoutView> {
    // A reader page's token was checked by the gateway; without one, the page vouches for no reader.
    const fromReaderPage = caller.roles.includes(READER_ROLE);
    return this.checkouts.open(caller.tenantId, request, !fromReaderPage || request.readerToken !== undefined);
  }

  @RpcHandler(CreatePortal)
  openPortal(@Payload() request: CreatePortalRequest, @CallerOf() caller: Caller): Promise<PortalView> {
    return this.checkouts.openPortal(caller.tenantId, request);
  }
}
