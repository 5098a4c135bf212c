import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GroupInvitation } from './group-invitation.entity';

/** The only code that reads and writes invitations to group licences. */
@Injectable()
export class GroupInvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(invitation: GroupInvitation): Promise<void> {
    await this.dataSource.getRepository(GroupInvitation).insert(invitation);
  }

  /** The invitation with this token hash, row-locked until the transaction ends. */
  lockByTokenHash(tx: EntityManager, tenantId: string, tokenHash: Buffer): Promise<GroupInvitation | null> {
    return tx
      .getRepository(GroupInvitation)
      .findOne({ where: { tenantId, tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markAccepted(tx: EntityManager, id: string, memberId: string, at: Date): Promise<void> {
    await tx.getRepository(GroupInvitation).update({ id }, { acceptedAt: at, memberId });
  }
}
