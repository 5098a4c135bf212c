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
  async storeOnce(notification: ReceivedRailNotification): Promise<{ stored: RailNotification; first: boolean }> {
    const rows = (await this.dataSource.query(
      `INSERT INTO payments.rail_notifications (tenant_id, account_id, rail, dedupe_key, order_reference, method, query, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id, dedupe_key) DO NOTHING RETURNING id`,
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
    )) as { id: string }[];
    const stored = await this.dataSource
      .getRepository(RailNotification)
      .findOneByOrFail({ accountId: notification.accountId, dedupeKey: notification.dedupeKey });
    return { stored, first: rows.length === 1 };
  }

  async recordVerdict(id: string, verdict: string): Promise<void> {
    await this.dataSource.getRepository(RailNotification).update({ id }, { verdict, processedAt: new Date() });
  }
}
