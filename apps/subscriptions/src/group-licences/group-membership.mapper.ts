import type { GroupMembershipView } from '@libs/contracts';
import type { GroupMembership } from './group-membership.entity';

export function toMembershipView(member: GroupMembership): GroupMembershipView {
  return {
    id: member.id,
    licenceId: member.licenceId,
    readerId: member.readerId,
    email: member.email,
    joinedBy: member.joinedBy,
    joinedAt: member.joinedAt.toISOString(),
  };
}
