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

  /**
   * Takes one login attempt before the password is checked: counted as a failure until it
   * succeeds, so parallel guesses all count. Answers the attempt's number, or null when the
   * account is locked or has `maxFailures` attempts counted already.
   */
  async takeLoginAttempt(userId: string, maxFailures: number, now: Date): Promise<number | null> {
    const taken = await this.dataSource
      .createQueryBuilder()
      .update(User)
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where('id = :userId AND failed_logins < :maxFailures', { userId, maxFailures })
      .andWhere('(locked_until IS NULL OR locked_until <= :now)', { now })
      .returning('failed_logins')
      .execute();
    const rows = taken.raw as { failed_logins: number }[];
    return rows.length === 0 ? null : Number(rows[0].failed_logins);
  }

  /** The user's row, locked until the transaction ends: a login re-checks the lock under it. */
  lockForLogin(tx: EntityManager, userId: string): Promise<User | null> {
    return tx.getRepository(User).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A successful login: its own attempt and those counted before it are cleared, and any lock. */
  async releaseLoginAttempts(tx: EntityManager, userId: string, attempt: number): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(User)
      .set({ failedLogins: () => 'GREATEST(failed_logins - :attempt, 0)', lockedUntil: null })
      .where('id = :userId', { userId, attempt })
      .execute();
  }

  /**
   * Locks the account until the given time and starts counting failures afresh, unless it is
   * locked already; with `onlyAtCount`, only while that many failures are counted. Answers
   * whether it locked.
   */
  async lockUntil(
    tx: EntityManager,
    userId: string,
    lockedUntil: Date,
    now: Date,
    onlyAtCount?: number,
  ): Promise<boolean> {
    const query = tx
      .createQueryBuilder()
      .update(User)
      .set({ lockedUntil, failedLogins: 0 })
      .where('id = :userId AND (locked_until IS NULL OR locked_until <= :now)', { userId, now });
    if (onlyAtCount !== undefined) query.andWhere('failed_logins >= :onlyAtCount', { onlyAtCount });
    const locked = await query.returning('id').execute();
    return (locked.raw as unknown[]).length > 0;
  }
}
