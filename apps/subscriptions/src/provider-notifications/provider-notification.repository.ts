import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProviderNotification } from './provider-notification.entity';

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

  /**
   * The oldest notification due for processing, row-locked until the transaction ends; those
   * another instance holds are skipped, so instances share the work.
   */
  async claimNextDue(tx: EntityManager): Promise<ProviderNotification | null> {
    const [next] = await tx
      .getRepository(ProviderNotification)
      .createQueryBuilder('e')
      .where('e.processed_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now()')
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
