import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { GroupMembership } from './group-membership.entity';

/** The only code that reads and writes group licence members. */
@Injectable()
export class GroupMembershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless the email or the reader already has a seat on that licence; answers whether it did. */
  async insertUnlessMember(tx: EntityManager, member: GroupMembership): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO subscriptions.group_licence_members (id, tenant_id, licence_id, reader_key, reader_id, email, joined_by, invitation_id, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [
        member.id,
        member.tenantId,
        member.licenceId,
        member.readerKey,
        member.readerId,
        member.email,
        member.joinedBy,
        member.invitationId,
        member.joinedAt,
      ],
    );
    return inserted.length === 1;
  }

  /** The seat this email or reader holds on one of these licences, if any. */
  findOnLicences(
    tx: EntityManager,
    tenantId: string,
    licenceIds: string[],
    email: string,
    readerKey: string,
  ): Promise<GroupMembership | null> {
    if (licenceIds.length === 0) return Promise.resolve(null);
    return tx.getRepository(GroupMembership).findOne({
      where: [
        { tenantId, licenceId: In(licenceIds), email },
        { tenantId, licenceId: In(licenceIds), readerKey },
      ],
      order: { joinedAt: 'ASC' },
    });
  }

  /** The seats a reader holds, on any licence (running or not), inside the caller's transaction. */
  findOfReader(tx: EntityManager, tenantId: string, readerKey: string): Promise<GroupMembership[]> {
    return tx.getRepository(GroupMembership).find({ where: { tenantId, readerKey } });
  }

  lockOne(tx: EntityManager, tenantId: string, licenceId: string, id: string): Promise<GroupMembership | null> {
    return tx
      .getRepository(GroupMembership)
      .findOne({ where: { tenantId, licenceId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.getRepository(GroupMembership).delete({ id });
  }

  membersOf(tenantId: string, licenceId: string): Promise<GroupMembership[]> {
    return this.dataSource
      .getRepository(GroupMembership)
      .find({ where: { tenantId, licenceId }, order: { joinedAt: 'ASC', id: 'ASC' } });
  }

  /** Every member's reader key, sorted: refreshing in one order keeps concurrent refreshes from deadlocking. */
  async readerKeysOf(tx: EntityManager, tenantId: string, licenceId: string): Promise<string[]> {
    const rows = await tx
      .getRepository(GroupMembership)
      .find({ select: { readerKey: true }, where: { tenantId, licenceId } });
    return [...new Set(rows.map((r) => r.readerKey))].sort();
  }
}
