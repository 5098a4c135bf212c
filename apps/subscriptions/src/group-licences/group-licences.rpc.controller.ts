import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  CreateGroupLicence,
  CreateGroupLicenceRequest,
  GetGroupLicence,
  GetGroupLicenceUsage,
  GroupLicenceListResponse,
  GroupLicenceUsageView,
  GroupLicenceView,
  ListGroupLicences,
  TenantScopedRequest,
  UpdateGroupLicence,
  UpdateGroupLicenceRequest,
} from '@libs/contracts';
import { GroupLicencesService } from './group-licences.service';

const READERS = ['admin', 'finance'];

@Controller()
export class GroupLicencesRpcController {
  constructor(private readonly licences: GroupLicencesService) {}

  @RpcHandler(CreateGroupLicence, { roles: ['admin'] })
  create(@Payload() request: CreateGroupLicenceRequest, @CallerOf() caller: Caller): Promise<GroupLicenceView> {
    return this.licences.create(caller.tenantId, request);
  }

  @RpcHandler(ListGroupLicences, { roles: READERS })
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<GroupLicenceListResponse> {
    return { items: await this.licences.list(caller.tenantId) };
  }

  @RpcHandler(GetGroupLicence, { roles: READERS })
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<GroupLicenceView> {
    return this.licences.get(caller.tenantId, request.id);
  }

  @RpcHandler(UpdateGroupLicence, { roles: ['admin'] })
  update(@Payload() request: UpdateGroupLicenceRequest, @CallerOf() caller: Caller): Promise<GroupLicenceView> {
    return this.licences.update(caller.tenantId, request);
  }

  /** The group's administrator is, for now, the agency's admin. */
  @RpcHandler(GetGroupLicenceUsage, { roles: ['admin'] })
  usage(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<GroupLicenceUsageView> {
    return this.licences.usage(caller.tenantId, request.id);
  }
}
