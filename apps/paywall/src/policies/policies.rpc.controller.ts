import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ByIdRequest, GetPolicy, ListPolicies, PolicyListResponse, PolicyView, TenantScopedRequest } from '@libs/contracts';
import { PoliciesService } from './policies.service';

const READERS = ['admin', 'editor'];

@Controller()
export class PoliciesRpcController {
  constructor(private readonly policies: PoliciesService) {}

  @RpcHandler(ListPolicies, { roles: READERS })
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<PolicyListResponse> {
    return { items: await this.policies.list(caller.tenantId) };
  }

  @RpcHandler(GetPolicy, { roles: READERS })
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<PolicyView> {
    return this.policies.get(caller.tenantId, request.id);
  }
}
