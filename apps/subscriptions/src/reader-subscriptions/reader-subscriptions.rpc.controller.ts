import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetReaderSubscription,
  ListReaderSubscriptions,
  ReaderQuery,
  ReaderSubscriptionListResponse,
  ReaderSubscriptionView,
} from '@libs/contracts';
import { ReaderSubscriptionsService } from './reader-subscriptions.service';

@Controller()
export class ReaderSubscriptionsRpcController {
  constructor(private readonly subscriptions: ReaderSubscriptionsService) {}

  @RpcHandler(ListReaderSubscriptions)
  async list(@Payload() request: ReaderQuery, @CallerOf() caller: Caller): Promise<ReaderSubscriptionListResponse> {
    return { items: await this.subscriptions.ofReader(caller.tenantId, request) };
  }

  @RpcHandler(GetReaderSubscription)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ReaderSubscriptionView> {
    return this.subscriptions.get(caller.tenantId, request.id);
  }
}
