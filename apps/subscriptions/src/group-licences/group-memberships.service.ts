import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, NotFoundError } from '@libs/common';
import {
  GroupInvitationView,
  GroupMembershipView,
  InviteToGroupLicenceRequest,
  JoinGroupLicenceRequest,
  readerKeyOf,
  RemoveGroupMemberRequest,
} from '@libs/contracts';
import { EntitlementsService } from '../entitlements/entitlements.service';
import type { GrantSource, HeldGroupLicence } from '../entitlements/grant-source';
import { GroupLicence } from './group-licence.entity';
import { GroupLicenceRepository } from './group-licence.repository';
import { GroupMembership } from './group-membership.entity';
import { toMembershipView } from './group-membership.mapper';
import { GroupInvitationRepository } from './group-invitation.repository';
import { GroupMembershipRepository } from './group-membership.repository';
import { toHeldGroupLicence } from './held-group-licence.mapper';
import { hashInvitationToken, newInvitationToken } from './invitation-token';

interface Joiner {
  readerKey: string;
  readerId: string | null;
  email: string;
}

/**
 * Members of group licences. A seat is taken by a conditional UPDATE of the licence's count in
 * the same transaction as the member row, so concurrent joins queue on the licence row and never
 * exceed its seats; the database's check constraint backs that up. A seat of a running licence is
 * a grant: this service is the group licences' `GrantSource`.
 */
@Injectable()
export class GroupMembershipsService implements GrantSource {
  readonly kind = 'group';

  constructor(
    private readonly licences: GroupLicenceRepository,
    private readonly memberships: GroupMembershipRepository,
    private readonly invitations: GroupInvitationRepository,
    private readonly entitlements: EntitlementsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** The running licences a reader holds a seat of, read inside the caller's transaction. */
  async heldBy(tx: EntityManager, tenantId: string, readerKey: string, now: Date): Promise<HeldGroupLicence[]> {
    const memberships = await this.memberships.findOfReader(tx, tenantId, readerKey);
    const licenceIds = [...new Set(memberships.map((m) => m.licenceId))];
    const licences = await this.licences.findOpenByIds(tx, tenantId, licenceIds, now);
    return licences.map((licence) => toHeldGroupLicence(licence, 'membership'));
  }

  async invite(tenantId: string, request: InviteToGroupLicenceRequest): Promise<GroupInvitationView> {
    const licence = await this.licences.findOneOfTenant(tenantId, request.licenceId);
    if (!licence) throw new NotFoundError('group licence', request.licenceId);
    if (licence.validUntil.getTime() <= Date.now())
      throw new ConflictError(`the group licence ended at ${licence.validUntil.toISOString()}`);
    const { token, hash } = newInvitationToken();
    const invitation = {
      id: randomUUID(),
      tenantId,
      licenceId: licence.id,
      email: request.email.toLowerCase(),
      tokenHash: hash,
      acceptedAt: null,
      memberId: null,
      createdAt: new Date(),
    };
    await this.invitations.insert(invitation);
    return {
      id: invitation.id,
      licenceId: licence.id,
      email: invitation.email,
      invitationToken: token,
      createdAt: invitation.createdAt.toISOString(),
    };
  }

  /**
   * Joins the inviting licence, or the oldest running licence of the email's domain that has a
   * seat free. Joining again (same email or same reader) answers the existing membership.
   */
  async join(tenantId: string, request: JoinGroupLicenceRequest): Promise<GroupMembershipView> {
    const email = request.email.toLowerCase();
    const joiner: Joiner = {
      readerKey: readerKeyOf({ readerId: request.readerId, email }),
      readerId: request.readerId ?? null,
      email,
    };
    return this.dataSource.transaction(async (tx) => {
      const member = request.invitationToken
        ? await this.joinByInvitation(tx, tenantId, joiner, request.invitationToken)
        : await this.joinByEmailDomain(tx, tenantId, joiner);
      return toMembershipView(member);
    });
  }

  async remove(tenantId: string, request: RemoveGroupMemberRequest): Promise<GroupMembershipView> {
    return this.dataSource.transaction(async (tx) => {
      const member = await this.memberships.lockOne(tx, tenantId, request.licenceId, request.memberId);
      if (!member) throw new NotFoundError('group licence member', request.memberId);
      await this.memberships.delete(tx, member.id);
      await this.licences.releaseSeat(tx, tenantId, member.licenceId);
      await this.entitlements.refresh(tx, tenantId, member.readerKey);
      const removed = toMembershipView(member);
      await this.audit.record(tx, {
        tenantId,
        action: 'group-member.removed',
        targetType: 'group-licence',
        targetId: member.licenceId,
        before: removed,
      });
      return removed;
    });
  }

  private async joinByInvitation(
    tx: EntityManager,
    tenantId: string,
    joiner: Joiner,
    token: string,
  ): Promise<GroupMembership> {
    const invitation = await this.invitations.lockByTokenHash(tx, tenantId, hashInvitationToken(token));
    // Another agency's token, a wrong one, and one for another email all look the same.
    if (!invitation || invitation.email !== joiner.email) throw new NotFoundError('group invitation');
    const existing = await this.memberships.findOnLicences(
      tx,
      tenantId,
      [invitation.licenceId],
      joiner.email,
      joiner.readerKey,
    );
    if (existing) return existing;
    if (invitation.acceptedAt) throw new ConflictError('this invitation has already been used');
    const licence = (await this.licences.findOneOfTenant(tenantId, invitation.licenceId, tx))!;
    const now = new Date();
    if (licence.validUntil.getTime() <= now.getTime())
      throw new ConflictError(`the group licence ended at ${licence.validUntil.toISOString()}`);
    const member = await this.takeSeat(tx, licence, joiner, now, invitation.id);
    if (!member) throw new ConflictError(`all ${licence.seats} seats of the group licence are taken`);
    await this.invitations.markAccepted(tx, invitation.id, member.id, now);
    return member;
  }

  private async joinByEmailDomain(tx: EntityManager, tenantId: string, joiner: Joiner): Promise<GroupMembership> {
    const domain = joiner.email.slice(joiner.email.lastIndexOf('@') + 1);
    const now = new Date();
    const candidates = await this.licences.findOpenByEmailDomain(tx, tenantId, domain, now);
    if (candidates.length === 0) throw new NotFoundError(`group licence for ${domain}`);
    const existing = await this.memberships.findOnLicences(
      tx,
      tenantId,
      candidates.map((l) => l.id),
      joiner.email,
      joiner.readerKey,
    );
    if (existing) return existing;
    for (const licence of candidates) {
      const member = await this.takeSeat(tx, licence, joiner, now, null);
      if (member) return member;
    }
    throw new ConflictError(`all seats of the group licence for ${domain} are taken`);
  }

  /**
   * One seat for the joiner, or null when none is free. When a concurrent join of the same
   * email or reader won the race, the seat goes back and that membership is the answer.
   */
  private async takeSeat(
    tx: EntityManager,
    licence: GroupLicence,
    joiner: Joiner,
    now: Date,
    invitationId: string | null,
  ): Promise<GroupMembership | null> {
    if (!(await this.licences.takeSeat(tx, licence.tenantId, licence.id, now))) return null;
    const member: GroupMembership = {
      id: randomUUID(),
      tenantId: licence.tenantId,
      licenceId: licence.id,
      readerKey: joiner.readerKey,
      readerId: joiner.readerId,
      email: joiner.email,
      joinedBy: invitationId ? 'invitation' : 'email-domain',
      invitationId,
      joinedAt: now,
    };
    if (!(await this.memberships.insertUnlessMember(tx, member))) {
      await this.licences.releaseSeat(tx, licence.tenantId, licence.id);
      return (await this.memberships.findOnLicences(
        tx,
        licence.tenantId,
        [licence.id],
        joiner.email,
        joiner.readerKey,
      ))!;
    }
    await this.entitlements.refresh(tx, licence.tenantId, joiner.readerKey, now);
    return member;
  }
}
