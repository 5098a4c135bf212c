import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RailNotification } from './rail-notification.entity';

export type ReceivedRailNotification = Pick<
  RailNotification,
  'tenantId' | 'accountId' | 'rail' | 'dedupeKey' | 'orderReference' | 'method' | 'query' | 'body'
>;

@Injectable()
export class RailNotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the notification once per account and key; answers the stored row (this one or the earlier one). */
  async storeOnce(
    notification: ReceivedRailNotification,
  ): Promise<{ stored: Pick<RailNotification, 'id' | 'verdict'>; first: boolean }> {
    // One round trip: the new row, or the one stored before under the same key.
    const [row] = (await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO payments.rail_notifications (tenant_id, account_id, rail, dedupe_key, order_reference, method, query, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id, dedupe_key) DO NOTHING RETURNING id, verdict)
       SELECT id, verdict, true AS first FROM inserted
       UNION ALL
       SELECT id, verdict, false AS first FROM payments.rail_notifications
        WHERE account_id = $2 AND dedupe_key = $4 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [
        notification.tenantId,
        notification.accountId,
        notification.rail,
        notification.dedupeKey,
        notification.orderReference,
        notification.method,
        notification.query,
        notification.body,
      ],
    )) as { id: string; verdict: string | null; first: boolean }[];
    return { stored: { id: row.id, verdict: row.verdict }, first: row.first };
  }

  async recordVerdict(id: string, verdict: string): Promise<void> {
    await this.dataSource.getRepository(RailNotification).update({ id }, { verdict, processedAt: new Date() });
  }

  /** Deletes up to `limit` notifications applied more than `days` ago; answers how many. */
  async deleteProcessedBefore(days: number, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM payments.rail_notifications WHERE id IN (
         SELECT id FROM payments.rail_notifications
          WHERE processed_at IS NOT NULL AND processed_at < now() - make_interval(days => $1) LIMIT $2)`,
      [days, limit],
    )) as [unknown, number];
    return deleted;
  }
}
