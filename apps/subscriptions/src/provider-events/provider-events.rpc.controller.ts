import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ReceiveStripeEvent, ReceiveStripeEventRequest, ReceiveStripeEventResponse } from '@libs/contracts';
import { ProviderEventsService } from './provider-events.service';

@Controller()
export class ProviderEventsRpcController {
  constructor(private readonly events: ProviderEventsService) {}

  /** Only the gateway's webhook route sends this; the signature is the real authentication. */
  @RpcHandler(ReceiveStripeEvent, { roles: ['payment-webhook'] })
  receive(
    @Payload() request: ReceiveStripeEventRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReceiveStripeEventResponse> {
    return this.events.receive(caller.tenantId, request);
  }
}
