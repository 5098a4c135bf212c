import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(tx: EntityManager, user: DeepPartial<User>): Promise<User> {
    const repo = tx.getRepository(User);
    return repo.save(repo.create(user));
  }

  /** Oldest first. */
  findAllOfTenant(tenantId: string): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { tenantId, id } });
  }

  /** By the lower-cased email the user logs in with. */
  findOneOfTenantByEmail(tenantId: string, email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { tenantId, email } });
  }

  /** A successful login: the failures counted so far and any lock are cleared. */
  async clearLoginFailures(tx: EntityManager, userId: string): Promise<void> {
    await tx.getRepository(User).update({ id: userId }, { failedLogins: 0, lockedUntil: null });
  }

  /** Counts one more failed login, in the database (concurrent failures all count), and answers the count. */
  async countLoginFailure(tx: EntityManager, userId: string): Promise<number> {
    const counted = await tx
      .createQueryBuilder()
      .update(User)
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where('id = :id', { id: userId })
      .returning('failed_logins')
      .execute();
    return Number((counted.raw as { failed_logins: number }[])[0].failed_logins);
  }

  /** Locks the account until the given time and starts counting failures afresh. */
  async lockUntil(tx: EntityManager, userId: string, lockedUntil: Date): Promise<void> {
    await tx.getRepository(User).update({ id: userId }, { lockedUntil, failedLogins: 0 });
  }
}
