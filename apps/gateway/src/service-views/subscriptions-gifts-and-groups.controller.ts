import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreatedGiftView,
  CreateGift,
  CreateGiftRequest,
  CreateGroupLicence,
  CreateGroupLicenceRequest,
  GetGift,
  GetGroupLicence,
  GetGroupLicenceUsage,
  GiftListResponse,
  GiftRedemptionView,
  GiftView,
  GroupInvitationView,
  GroupLicenceChanges,
  GroupLicenceListResponse,
  GroupLicenceUsageView,
  GroupLicenceView,
  GroupMembershipView,
  InviteToGroupLicence,
  JoinGroupLicence,
  JoinGroupLicenceRequest,
  ListGifts,
  ListGroupLicences,
  NewGroupInvitation,
  RedeemGift,
  RedeemGiftRequest,
  RemoveGroupMember,
  UpdateGroupLicence,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

/** Gifts (N months, redeemed once) and group licences (seats, email domains, invitations, IP ranges). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionsGiftsAndGroupsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('gifts')
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({
    summary:
      'Record a paid gift of N months of a plan; answers the claim code and link (`<PUBLIC_BASE_URL>/gift/<code>`), shown this once',
  })
  @ApiCreatedResponse({ type: CreatedGiftView })
  createGift(@Body() body: CreateGiftRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateGift, body, caller);
  }

  @Post('gifts/redeem')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor'], orSiteKey: true })
  @ApiSecurity('siteKey')
  @ApiOperation({
    summary: 'Redeem a gift code once for a reader (409 when already redeemed or expired, 404 when unknown)',
  })
  @ApiOkResponse({ type: GiftRedemptionView })
  redeemGift(@Body() body: RedeemGiftRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(RedeemGift, body, caller);
  }

  @Get('gifts')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: GiftListResponse })
  listGifts(@CallerFor() caller: Caller) {
    return this.rpc.request(ListGifts, {}, caller);
  }

  @Get('gifts/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: GiftView })
  getGift(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetGift, { id }, caller);
  }

  @Post('group-licences')
  @Access({ roles: ['admin'] })
  @ApiOperation({
    summary:
      'Create a group licence: seats of a plan until a date, joined by email domain or invitation; IP ranges take no seats',
  })
  @ApiCreatedResponse({ type: GroupLicenceView })
  createGroupLicence(@Body() body: CreateGroupLicenceRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateGroupLicence, body, caller);
  }

  @Get('group-licences')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: GroupLicenceListResponse })
  listGroupLicences(@CallerFor() caller: Caller) {
    return this.rpc.request(ListGroupLicences, {}, caller);
  }

  @Post('group-licences/join')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({
    summary:
      "Join a reader (whose email the agency has verified) to the licence of the email's domain, or the inviting one; joining again answers the same membership",
  })
  @ApiOkResponse({ type: GroupMembershipView })
  joinGroupLicence(@Body() body: JoinGroupLicenceRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(JoinGroupLicence, body, caller);
  }

  @Get('group-licences/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: GroupLicenceView })
  getGroupLicence(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetGroupLicence, { id }, caller);
  }

  @Patch('group-licences/:id')
  @Access({ roles: ['admin'] })
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

  @Post('group-licences/:id/invitations')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Invite an email; answers the invitation token, shown this once' })
  @ApiCreatedResponse({ type: GroupInvitationView })
  inviteToGroupLicence(
    @Param('id', UuidParam) id: string,
    @Body() body: NewGroupInvitation,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(InviteToGroupLicence, { licenceId: id, email: body.email }, caller);
  }

  @Get('group-licences/:id/usage')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Seats, seats used and the members with the day they joined' })
  @ApiOkResponse({ type: GroupLicenceUsageView })
  groupLicenceUsage(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetGroupLicenceUsage, { id }, caller);
  }

  @Delete('group-licences/:id/members/:memberId')
  @HttpCode(204)
  @Access({ roles: ['admin'] })
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
