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
  ListGroupLicencesRequest,
  UpdateGroupLicence,
  UpdateGroupLicenceRequest,
} from '@libs/contracts';
import { GroupLicencesService } from './group-licences.service';

@Controller()
export class GroupLicencesRpcController {
  constructor(private readonly licences: GroupLicencesService) {}

  @RpcHandler(CreateGroupLicence)
  create(@Payload() request: CreateGroupLicenceRequest, @CallerOf() caller: Caller): Promise<GroupLicenceView> {
    return this.licences.create(caller.tenantId, request);
  }

  @RpcHandler(ListGroupLicences)
  list(@Payload() request: ListGroupLicencesRequest, @CallerOf() caller: Caller): Promise<GroupLicenceListResponse> {
    return this.licences.list(caller.tenantId, request);
  }

  @RpcHandler(GetGroupLicence)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<GroupLicenceView> {
    return this.licences.get(caller.tenantId, request.id);
  }

  @RpcHandler(UpdateGroupLicence)
  update(@Payload() request: UpdateGroupLicenceRequest, @CallerOf() caller: Caller): Promise<GroupLicenceView> {
    return this.licences.update(caller.tenantId, request);
  }

  /** The group's administrator is, for now, the agency's admin. */
  @RpcHandler(GetGroupLicenceUsage)
  usage(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<GroupLicenceUsageView> {
    return this.licences.usage(caller.tenantId, request.id);
  }
}
