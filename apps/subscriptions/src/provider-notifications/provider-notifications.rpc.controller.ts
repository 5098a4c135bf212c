import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ReceiveProviderNotification,
  ReceiveProviderNotificationRequest,
  ReceiveProviderNotificationResponse,
} from '@libs/contracts';
import { ProviderNotificationsService } from './provider-notifications.service';

@Controller()
export class ProviderNotificationsRpcController {
  constructor(private readonly notifications: ProviderNotificationsService) {}

  /** Only the gateway's webhook route sends this; the signature is the real authentication. */
  @RpcHandler(ReceiveProviderNotification)
  receive(
    @Payload() request: ReceiveProviderNotificationRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReceiveProviderNotificationResponse> {
    return this.notifications.receive(caller.tenantId, request.payload, request.signature);
  }
}
