import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ReceiveProviderNotification,
  ReceiveProviderNotificationRequest,
  ReceiveProviderNotificationResponse,
} from '@libs/contracts';
import { ProviderEventsService } from './provider-events.service';

@Controller()
export class ProviderEventsRpcController {
  constructor(private readonly events: ProviderEventsService) {}

  /** Only the gateway's webhook route sends this; the signature is the real authentication. */
  @RpcHandler(ReceiveProviderNotification, { roles: ['payment-webhook'] })
  receive(
    @Payload() request: ReceiveProviderNotificationRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReceiveProviderNotificationResponse> {
    return this.events.receive(caller.tenantId, request);
  }
}
