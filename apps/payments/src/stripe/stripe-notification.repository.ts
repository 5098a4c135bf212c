import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class StripeNotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the event once per agency and event id; true when this delivery is the first. */
  async insertOnce(
    tx: EntityManager,
    event: { tenantId: string; eventId: string; type: string; kind: string },
  ): Promise<boolean> {
    const inserted = (await tx.query(
      `INSERT INTO payments.stripe_notifications (tenant_id, event_id, type, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, event_id) DO NOTHING RETURNING event_id`,
      [event.tenantId, event.eventId, event.type, event.kind],
    )) as unknown[];
    return inserted.length === 1;
  }

  /** Deletes up to `limit` events received more than `days` ago (published with them); answers how many. */
  async deleteReceivedBefore(days: number, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM payments.stripe_notifications WHERE (tenant_id, event_id) IN (
         SELECT tenant_id, event_id FROM payments.stripe_notifications
          WHERE received_at < now() - make_interval(days => $1) LIMIT $2)`,
      [days, limit],
    )) as [unknown, number];
    return deleted;
  }
}
