import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreateGroupLicence,
  CreateGroupLicenceRequest,
  GetGroupLicence,
  GetGroupLicenceUsage,
  GroupInvitationView,
  GroupLicenceChanges,
  GroupLicenceListResponse,
  GroupLicenceUsageView,
  GroupLicenceView,
  GroupMembershipView,
  InviteToGroupLicence,
  JoinGroupLicence,
  JoinGroupLicenceRequest,
  ListGroupLicences,
  ListGroupLicencesRequest,
  NewGroupInvitation,
  RemoveGroupMember,
  UpdateGroupLicence,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';
import { ShownOnce } from '../../idempotency/shown-once.decorator';

/** Group licences: seats of a plan for an organisation (email domains, invitations, IP ranges). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/group-licences')
export class SubscriptionsGroupLicencesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateGroupLicence)
  @ApiOperation({
    summary:
      'Create a group licence: seats of a plan until a date, joined by email domain or invitation; IP ranges take no seats',
  })
  @ApiCreatedResponse({ type: GroupLicenceView })
  createGroupLicence(@Body() body: CreateGroupLicenceRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateGroupLicence, body, caller);
  }

  @Get()
  @Access(ListGroupLicences)
  @ApiOperation({
    summary: "The agency's group licences, newest first: `limit` (1-100), `before` (the previous page's `nextBefore`)",
  })
  @ApiOkResponse({ type: GroupLicenceListResponse })
  listGroupLicences(@Query() query: ListGroupLicencesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListGroupLicences, query, caller);
  }

  @Post('join')
  @HttpCode(200)
  @Access(JoinGroupLicence)
  @ApiOperation({
    summary:
      "Join a reader (whose email the agency has verified) to the licence of the email's domain, or the inviting one; joining again answers the same membership",
  })
  @ApiOkResponse({ type: GroupMembershipView })
  joinGroupLicence(@Body() body: JoinGroupLicenceRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(JoinGroupLicence, body, caller);
  }

  @Get(':id')
  @Access(GetGroupLicence)
  @ApiOkResponse({ type: GroupLicenceView })
  getGroupLicence(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetGroupLicence, { id }, caller);
  }

  @Patch(':id')
  @Access(UpdateGroupLicence)
  @ApiOperation({
    summary: 'Change name, seats (never below the members: 409), email domains, IP ranges or the end date',
  })
  @ApiOkResponse({ type: GroupLicenceView })
  updateGroupLicence(
    @Param('id', UuidParam) id: string,
    @Body() body: GroupLicenceChanges,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(UpdateGroupLicence, { ...body, id }, caller);
  }

  @Post(':id/invitations')
  @ShownOnce()
  @Access(InviteToGroupLicence)
  @ApiOperation({ summary: 'Invite an email; answers the invitation token, shown this once' })
  @ApiCreatedResponse({ type: GroupInvitationView })
  inviteToGroupLicence(
    @Param('id', UuidParam) id: string,
    @Body() body: NewGroupInvitation,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(InviteToGroupLicence, { licenceId: id, email: body.email }, caller);
  }

  @Get(':id/usage')
  @Access(GetGroupLicenceUsage)
  @ApiOperation({ summary: 'Seats, seats used and the members with the day they joined' })
  @ApiOkResponse({ type: GroupLicenceUsageView })
  groupLicenceUsage(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetGroupLicenceUsage, { id }, caller);
  }

  @Delete(':id/members/:memberId')
  @HttpCode(204)
  @Access(RemoveGroupMember)
  @ApiOperation({ summary: 'Remove a member; the seat is free again and their entitlements change at once' })
  @ApiNoContentResponse()
  async removeGroupMember(
    @Param('id', UuidParam) id: string,
    @Param('memberId', new UuidParam('memberId')) memberId: string,
    @CallerFor() caller: Caller,
  ) {
    await this.rpc.request(RemoveGroupMember, { licenceId: id, memberId }, caller);
  }
}
