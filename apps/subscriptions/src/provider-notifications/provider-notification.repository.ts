import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ProviderNotification } from './provider-notification.entity';

const DUE =
  'e.processed_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now() AND (e.claimed_until IS NULL OR e.claimed_until < now())';

/** A notification as claimed by one instance: the claim number its writes must still match. */
export type ClaimedNotification = ProviderNotification;

/** The only code that reads and writes stored provider notifications. */
@Injectable()
export class ProviderNotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the notification unless it was received before; answers whether this call stored it. */
  async insertOnce(
    tx: EntityManager,
    notification: Pick<ProviderNotification, 'tenantId' | 'providerNotificationId' | 'type' | 'parsed' | 'occurredAt'>,
  ): Promise<boolean> {
    const stored = await tx
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
   * Claims the agency's oldest notification due for processing for `leaseSeconds`, in one short
   * statement (no transaction stays open while the provider is read); rows another instance is
   * claiming are skipped, and a claim whose instance went silent lapses at the end of its lease.
   */
  async claimNextDueOf(tenantId: string, leaseSeconds: number): Promise<ClaimedNotification | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE subscriptions.provider_notifications SET claims = claims + 1, claimed_until = now() + make_interval(secs => $2)
        WHERE (tenant_id, provider_notification_id) = (
          SELECT e.tenant_id, e.provider_notification_id FROM subscriptions.provider_notifications e
           WHERE ${DUE} AND e.tenant_id = $1
           ORDER BY e.occurred_at ASC, e.received_at ASC LIMIT 1
           FOR UPDATE SKIP LOCKED)
        RETURNING tenant_id, provider_notification_id`,
      [tenantId, leaseSeconds],
    )) as [{ tenant_id: string; provider_notification_id: string }[], number];
    const [claimed] = rows;
    if (!claimed) return null;
    return this.dataSource
      .getRepository(ProviderNotification)
      .findOneBy({ tenantId: claimed.tenant_id, providerNotificationId: claimed.provider_notification_id });
  }

  /**
   * Inside the transaction that writes the notification's effects: locks its row and answers
   * whether it is still this claim's and unprocessed (another instance may have taken it over once
   * the lease lapsed, and finished it).
   */
  async holdsClaim(tx: EntityManager, notification: ClaimedNotification): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM subscriptions.provider_notifications
        WHERE tenant_id = $1 AND provider_notification_id = $2 AND claims = $3 AND processed_at IS NULL AND failed_at IS NULL
        FOR UPDATE`,
      [notification.tenantId, notification.providerNotificationId, notification.claims],
    );
    return rows.length === 1;
  }

  async markProcessed(tx: EntityManager, notification: ClaimedNotification, at: Date): Promise<void> {
    await tx
      .getRepository(ProviderNotification)
      .update(
        { tenantId: notification.tenantId, providerNotificationId: notification.providerNotificationId },
        { processedAt: at, claimedUntil: null },
      );
  }

  /**
   * Records a failed attempt of this claim (outside any transaction): when to try again, or that it
   * gave up; the claim ends. Changes nothing once another instance has claimed it since.
   */
  async recordFailure(
    notification: ClaimedNotification,
    failure: Pick<ProviderNotification, 'attempts' | 'lastError' | 'nextAttemptAt' | 'failedAt'>,
  ): Promise<void> {
    await this.dataSource.getRepository(ProviderNotification).update(
      {
        tenantId: notification.tenantId,
        providerNotificationId: notification.providerNotificationId,
        claims: notification.claims,
        processedAt: IsNull(),
      },
      { ...failure, claimedUntil: null },
    );
  }

  /** Puts the agency's failed notifications (received since, when given) back to pending, due now; answers how many. */
  async replayFailed(tenantId: string, since: Date | null): Promise<number> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(ProviderNotification)
      .set({ failedAt: null, attempts: 0, nextAttemptAt: () => 'now()', claimedUntil: null })
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
