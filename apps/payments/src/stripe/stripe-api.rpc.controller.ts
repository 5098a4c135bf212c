import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { RelayStripeRequest, StripeApiRequest, StripeApiResponse } from '@libs/contracts';
import { StripeApiRelayService } from './stripe-api-relay.service';

@Controller()
export class StripeApiRpcController {
  constructor(private readonly relay: StripeApiRelayService) {}

  @RpcHandler(RelayStripeRequest)
  send(@Payload() request: StripeApiRequest, @CallerOf() caller: Caller): Promise<StripeApiResponse> {
    return this.relay.send(caller.tenantId, request);
  }
}
