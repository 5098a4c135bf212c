import { IsString, IsUUID, Matches } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { INVITATION_TOKEN, NewGroupInvitation } from './group-licence.rpc';

export class InviteToGroupLicenceRequest extends NewGroupInvitation {
  @IsUUID() licenceId!: string;
}

/** An invitation as created: the token is shown this once and stored only as a hash. */
export class GroupInvitationView {
  @IsUUID() id!: string;
  @IsUUID() licenceId!: string;
  @IsString() email!: string;
  @Matches(INVITATION_TOKEN) invitationToken!: string;
  @IsString() createdAt!: string;
}

export const InviteToGroupLicence = defineRpc({
  subject: 'subscriptions.group-invitation.create.v1',
  request: InviteToGroupLicenceRequest,
  response: GroupInvitationView,
  description: 'Invites one email to a group licence; answers the invitation token, shown this once.',
  roles: ['admin'],
});
