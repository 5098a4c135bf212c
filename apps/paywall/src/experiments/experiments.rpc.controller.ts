import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  CreateExperiment,
  CreateExperimentRequest,
  ExperimentListResponse,
  ExperimentResultsView,
  ExperimentView,
  GetExperiment,
  GetExperimentResults,
  ListExperiments,
  StartExperiment,
  StopExperiment,
  TenantScopedRequest,
  UpdateExperiment,
  UpdateExperimentRequest,
} from '@libs/contracts';
import { ExperimentsService } from './experiments.service';

@Controller()
export class ExperimentsRpcController {
  constructor(private readonly experiments: ExperimentsService) {}

  @RpcHandler(CreateExperiment)
  create(@Payload() request: CreateExperimentRequest, @CallerOf() caller: Caller): Promise<ExperimentView> {
    return this.experiments.create(caller.tenantId, request);
  }

  @RpcHandler(UpdateExperiment)
  update(@Payload() request: UpdateExperimentRequest, @CallerOf() caller: Caller): Promise<ExperimentView> {
    return this.experiments.update(caller.tenantId, request);
  }

  @RpcHandler(StartExperiment)
  start(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ExperimentView> {
    return this.experiments.start(caller.tenantId, request.id);
  }

  @RpcHandler(StopExperiment)
  stop(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ExperimentView> {
    return this.experiments.stop(caller.tenantId, request.id);
  }

  @RpcHandler(GetExperiment)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ExperimentView> {
    return this.experiments.get(caller.tenantId, request.id);
  }

  @RpcHandler(ListExperiments)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<ExperimentListResponse> {
    return { items: await this.experiments.list(caller.tenantId) };
  }

  @RpcHandler(GetExperimentResults)
  results(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ExperimentResultsView> {
    return this.experiments.results(caller.tenantId, request.id);
  }
}
