import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  GroupInvitationView,
  GroupMembershipView,
  InviteToGroupLicence,
  InviteToGroupLicenceRequest,
  JoinGroupLicence,
  JoinGroupLicenceRequest,
  RemoveGroupMember,
  RemoveGroupMemberRequest,
} from '@libs/contracts';
import { GroupMembershipsService } from './group-memberships.service';

@Controller()
export class GroupMembershipsRpcController {
  constructor(private readonly memberships: GroupMembershipsService) {}

  @RpcHandler(InviteToGroupLicence)
  invite(@Payload() request: InviteToGroupLicenceRequest, @CallerOf() caller: Caller): Promise<GroupInvitationView> {
    return this.memberships.invite(caller.tenantId, request);
  }

  /**
   * The agency's server only, not reader pages: joining by email domain trusts the email, and
   * only the agency can vouch that the reader owns it.
   */
  @RpcHandler(JoinGroupLicence)
  join(@Payload() request: JoinGroupLicenceRequest, @CallerOf() caller: Caller): Promise<GroupMembershipView> {
    return this.memberships.join(caller.tenantId, request);
  }

  @RpcHandler(RemoveGroupMember)
  remove(@Payload() request: RemoveGroupMemberRequest, @CallerOf() caller: Caller): Promise<GroupMembershipView> {
    return this.memberships.remove(caller.tenantId, request);
  }
}
