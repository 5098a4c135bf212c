import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Session } from './session.entity';

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  open(tx: EntityManager, tenantId: string, userId: string, at: Date): Promise<Session> {
    return tx
      .getRepository(Session)
      .save(tx.getRepository(Session).create({ tenantId, userId, lastSeenAt: at, endedAt: null }));
  }

  findOfUser(id: string, userId: string): Promise<Session | null> {
    return this.dataSource.getRepository(Session).findOne({ where: { id, userId } });
  }

  async touch(id: string, lastSeenAt: Date): Promise<void> {
    await this.dataSource.getRepository(Session).update({ id }, { lastSeenAt });
  }

  async end(tx: EntityManager, id: string, tenantId: string, endedAt: Date): Promise<void> {
    await tx.getRepository(Session).update({ id, tenantId }, { endedAt });
  }

  /**
   * Deletes up to `limit` sessions that ended, or were last seen, more than `days` ago (long past
   * any idle timeout, so none is live); answers how many.
   */
  async deleteEndedOrIdleFor(days: number, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM gateway.sessions WHERE id IN (
         SELECT id FROM gateway.sessions
         WHERE coalesce(ended_at, last_seen_at) < now() - make_interval(days => $1) LIMIT $2)`,
      [days, limit],
    )) as [unknown, number];
    return deleted;
  }
}
