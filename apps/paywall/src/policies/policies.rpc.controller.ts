import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetPolicies,
  GetPolicy,
  GetPolicyRevision,
  ListPolicyRevisions,
  PolicyRevisionListResponse,
  PolicyRevisionRequest,
  PolicySetView,
  PolicyView,
  ReplacePolicies,
  ReplacePoliciesRequest,
  RestorePolicyRevision,
  TenantScopedRequest,
} from '@libs/contracts';
import { PoliciesService } from './policies.service';

@Controller()
export class PoliciesRpcController {
  constructor(private readonly policies: PoliciesService) {}

  @RpcHandler(GetPolicies)
  current(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<PolicySetView> {
    return this.policies.current(caller.tenantId);
  }

  @RpcHandler(GetPolicy)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<PolicyView> {
    return this.policies.policy(caller.tenantId, request.id);
  }

  @RpcHandler(ReplacePolicies)
  replace(@Payload() request: ReplacePoliciesRequest, @CallerOf() caller: Caller): Promise<PolicySetView> {
    return this.policies.replace(caller.tenantId, request);
  }

  @RpcHandler(ListPolicyRevisions)
  async revisions(
    @Payload() _request: TenantScopedRequest,
    @CallerOf() caller: Caller,
  ): Promise<PolicyRevisionListResponse> {
    return { items: await this.policies.list(caller.tenantId) };
  }

  @RpcHandler(GetPolicyRevision)
  revision(@Payload() request: PolicyRevisionRequest, @CallerOf() caller: Caller): Promise<PolicySetView> {
    return this.policies.revision(caller.tenantId, request.revision);
  }

  @RpcHandler(RestorePolicyRevision)
  restore(@Payload() request: PolicyRevisionRequest, @CallerOf() caller: Caller): Promise<PolicySetView> {
    return this.policies.restore(caller.tenantId, request.revision);
  }
}
