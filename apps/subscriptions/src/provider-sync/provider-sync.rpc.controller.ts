import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ProviderSyncResult, RunProviderSync, TenantScopedRequest } from '@libs/contracts';
import { ProviderSyncService } from './provider-sync.service';

@Controller()
export class ProviderSyncRpcController {
  constructor(private readonly sync: ProviderSyncService) {}

  @RpcHandler(RunProviderSync, { roles: ['admin', 'finance'] })
  run(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<ProviderSyncResult> {
    return this.sync.syncTenant(caller.tenantId);
  }
}
