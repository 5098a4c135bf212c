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
import { PlanChangesService } from './plan-changes.service';

@Controller()
export class PlanChangesRpcController {
  constructor(private readonly changes: PlanChangesService) {}

  @RpcHandler(PreviewPlanChange)
  preview(@Payload() request: PlanChangeRequest, @CallerOf() caller: Caller): Promise<PlanChangePreview> {
    return this.changes.preview(caller.tenantId, request);
  }

  @RpcHandler(ApplyPlanChange)
  apply(@Payload() request: PlanChangeRequest, @CallerOf() caller: Caller): Promise<ReaderSubscriptionView> {
    return this.changes.apply(caller.tenantId, request, caller.requestId);
  }

  @RpcHandler(CancelPendingPlanChange)
  cancelPending(
    @Payload() request: CancelPendingPlanChangeRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReaderSubscriptionView> {
    return this.changes.cancelPending(caller.tenantId, request.subscriptionId);
  }
}
