import { IsEmail, IsOptional, IsUUID, Matches } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { READER_ID } from './checkout.rpc';
import { GroupMembershipView, INVITATION_TOKEN } from './group-licence.rpc';

export class JoinGroupLicenceRequest {
  /** The agency's own id of the reader, when it has one; the email decides the licence. */
  @IsOptional() @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' }) readerId?: string;
  @IsEmail() email!: string;
  /** Joins the inviting licence (whatever the email's domain); the invitation must be for this email. */
  @IsOptional()
  @Matches(INVITATION_TOKEN, { message: 'invitationToken must be a group invitation token (ginv_…)' })
  invitationToken?: string;
}

export class RemoveGroupMemberRequest {
  @IsUUID() licenceId!: string;
  @IsUUID() memberId!: string;
}

export const JoinGroupLicence = defineRpc({
  subject: 'subscriptions.group-membership.join.v1',
  request: JoinGroupLicenceRequest,
  response: GroupMembershipView,
  description:
    'Joins the licence of the email domain, or the inviting one, taking a seat; joining again answers the same membership.',
  roles: ['admin', 'editor'],
});

export const RemoveGroupMember = defineRpc({
  subject: 'subscriptions.group-membership.remove.v1',
  request: RemoveGroupMemberRequest,
  response: GroupMembershipView,
  description: 'Removes a member from a group licence, freeing the seat; answers the removed membership.',
  roles: ['admin'],
});
