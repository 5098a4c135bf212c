import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetProviderSyncJob,
  ListProviderSyncJobs,
  ListProviderSyncJobsRequest,
  ProviderSyncJobListResponse,
  ProviderSyncJobView,
  StartProviderSync,
  TenantScopedRequest,
} from '@libs/contracts';
import { ProviderSyncJobsService } from './provider-sync-jobs.service';

@Controller()
export class ProviderSyncJobsRpcController {
  constructor(private readonly syncJobs: ProviderSyncJobsService) {}

  @RpcHandler(StartProviderSync)
  start(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<ProviderSyncJobView> {
    return this.syncJobs.start(caller.tenantId);
  }

  @RpcHandler(GetProviderSyncJob)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ProviderSyncJobView> {
    return this.syncJobs.get(caller.tenantId, request.id);
  }

  @RpcHandler(ListProviderSyncJobs)
  async list(
    @Payload() request: ListProviderSyncJobsRequest,
    @CallerOf() caller: Caller,
  ): Promise<ProviderSyncJobListResponse> {
    return { items: await this.syncJobs.list(caller.tenantId, request.limit) };
  }
}
