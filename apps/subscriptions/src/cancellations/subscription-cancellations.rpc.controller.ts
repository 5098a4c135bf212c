import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  CancelSubscription,
  CancelSubscriptionRequest,
  ReaderSubscriptionView,
  ResumeSubscription,
  ResumeSubscriptionRequest,
} from '@libs/contracts';
import { SubscriptionCancellationsService } from './subscription-cancellations.service';

@Controller()
export class SubscriptionCancellationsRpcController {
  constructor(private readonly cancellations: SubscriptionCancellationsService) {}

  @RpcHandler(CancelSubscription)
  cancel(@Payload() request: CancelSubscriptionRequest, @CallerOf() caller: Caller): Promise<ReaderSubscriptionView> {
    return this.cancellations.cancel(caller.tenantId, request);
  }

  @RpcHandler(ResumeSubscription)
  resume(@Payload() request: ResumeSubscriptionRequest, @CallerOf() caller: Caller): Promise<ReaderSubscriptionView> {
    return this.cancellations.resume(caller.tenantId, request);
  }
}
