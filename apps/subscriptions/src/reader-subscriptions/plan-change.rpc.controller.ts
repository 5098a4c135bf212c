import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ApplyPlanChange,
  CancelPendingPlanChange,
  CancelPendingPlanChangeRequest,
  PlanChangePreview,
  PlanChangeRequest,
  PreviewPlanChange,
  ReaderSubscriptionView,
} from '@libs/contracts';
import { PlanChangeService } from './plan-change.service';

@Controller()
export class PlanChangeRpcController {
  constructor(private readonly changes: PlanChangeService) {}

  @RpcHandler(PreviewPlanChange)
  preview(@Payload() request: PlanChangeRequest, @CallerOf() caller: Caller): Promise<PlanChangePreview> {
    return this.changes.preview(caller.tenantId, request);
  }

  @RpcHandler(ApplyPlanChange)
  apply(@Payload() request: PlanChangeRequest, @CallerOf() caller: Caller): Promise<ReaderSubscriptionView> {
    return this.changes.apply(caller.tenantId, request);
  }

  @RpcHandler(CancelPendingPlanChange)
  cancelPending(
    @Payload() request: CancelPendingPlanChangeRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReaderSubscriptionView> {
    return this.changes.cancelPending(caller.tenantId, request.subscriptionId);
  }
}
