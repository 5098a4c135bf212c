import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetReconciliationRun,
  ListReconciliationRuns,
  ListReconciliationRunsRequest,
  ReconciliationRunListResponse,
  ReconciliationRunView,
  StartReconciliationRun,
  StartReconciliationRunRequest,
} from '@libs/contracts';
import { ReconciliationRunsService } from './reconciliation-runs.service';

@Controller()
export class ReconciliationRunsRpcController {
  constructor(private readonly runs: ReconciliationRunsService) {}

  @RpcHandler(StartReconciliationRun)
  start(@Payload() request: StartReconciliationRunRequest, @CallerOf() caller: Caller): Promise<ReconciliationRunView> {
    return this.runs.start(caller, request);
  }

  @RpcHandler(GetReconciliationRun)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ReconciliationRunView> {
    return this.runs.get(caller.tenantId, request.id);
  }

  @RpcHandler(ListReconciliationRuns)
  async list(
    @Payload() request: ListReconciliationRunsRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationRunListResponse> {
    return { items: await this.runs.list(caller.tenantId, request.limit) };
  }
}
