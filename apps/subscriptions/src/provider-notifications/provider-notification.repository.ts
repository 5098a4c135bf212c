import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProviderNotification } from './provider-notification.entity';

const DUE = 'e.processed_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now()';

/** The only code that reads and writes stored provider notifications. */
@Injectable()
export class ProviderNotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the notification unless it was received before; answers whether this call stored it. */
  async insertOnce(
    notification: Pick<ProviderNotification, 'tenantId' | 'providerNotificationId' | 'type' | 'parsed' | 'occurredAt'>,
  ): Promise<boolean> {
    const stored = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ProviderNotification)
      .values(notification)
      .orIgnore()
      .returning(['provider_notification_id'])
      .execute();
    return stored.raw.length > 0;
  }

  /** The agencies with notifications due now, the one waiting longest first (at most `limit`). */
  async findAgenciesWithDue(limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(ProviderNotification)
      .createQueryBuilder('e')
      .select('e.tenant_id', 'tenantId')
      .where(DUE)
      .groupBy('e.tenant_id')
      .orderBy('min(e.next_attempt_at)', 'ASC')
      .limit(limit)
      .getRawMany<{ tenantId: string }>();
    return rows.map((row) => row.tenantId);
  }

  /**
   * The agency's oldest notification due for processing, row-locked until the transaction ends;
   * those another instance holds are skipped, so instances share the work.
   */
  async claimNextDueOf(tx: EntityManager, tenantId: string): Promise<ProviderNotification | null> {
    const [next] = await tx
      .getRepository(ProviderNotification)
      .createQueryBuilder('e')
      .where(DUE)
      .andWhere('e.tenant_id = :tenantId', { tenantId })
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.received_at', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return next ?? null;
  }

  async markProcessed(tx: EntityManager, notification: ProviderNotification, at: Date): Promise<void> {
    await tx
      .getRepository(ProviderNotification)
      .update(
        { tenantId: notification.tenantId, providerNotificationId: notification.providerNotificationId },
        { processedAt: at },
      );
  }

  /** Records a failed attempt (outside the failed transaction): when to try again, or that it gave up. */
  async recordFailure(
    notification: ProviderNotification,
    failure: Pick<ProviderNotification, 'attempts' | 'lastError' | 'nextAttemptAt' | 'failedAt'>,
  ): Promise<void> {
    await this.dataSource
      .getRepository(ProviderNotification)
      .update(
        { tenantId: notification.tenantId, providerNotificationId: notification.providerNotificationId },
        failure,
      );
  }

  /** Puts the agency's failed notifications (received since, when given) back to pending, due now; answers how many. */
  async replayFailed(tenantId: string, since: Date | null): Promise<number> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(ProviderNotification)
      .set({ failedAt: null, attempts: 0, nextAttemptAt: () => 'now()' })
      .where('tenant_id = :tenantId AND failed_at IS NOT NULL', { tenantId });
    if (since) query.andWhere('received_at >= :since', { since });
    const result = await query.execute();
    return result.affected ?? 0;
  }

  /** How long the oldest unprocessed (not given up) notification has waited, in seconds; null when none waits. */
  async oldestUnprocessedAgeSeconds(): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(ProviderNotification)
      .createQueryBuilder('e')
      .select('extract(epoch from now() - min(e.received_at))::float8', 'age')
      .where('e.processed_at IS NULL AND e.failed_at IS NULL')
      .getRawOne<{ age: number | null }>();
    return row?.age ?? null;
  }

  /** Notifications given up on, kept for an operator to replay. */
  countFailed(): Promise<number> {
    return this.dataSource
      .getRepository(ProviderNotification)
      .createQueryBuilder('e')
      .where('e.failed_at IS NOT NULL')
      .getCount();
  }

  /**
   * Deletes up to `limit` notifications processed more than `days` ago; one still pending, being
   * retried or failed (kept for operators to replay) is never deleted. Answers how many.
   */
  async deleteProcessedBefore(days: number, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM subscriptions.provider_notifications WHERE (tenant_id, provider_notification_id) IN (
         SELECT tenant_id, provider_notification_id FROM subscriptions.provider_notifications
         WHERE processed_at IS NOT NULL AND processed_at < now() - make_interval(days => $1) LIMIT $2)`,
      [days, limit],
    )) as [unknown, number];
    return deleted;
  }
}
