import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Reads what an order's lines delivered, from the hourly counters beacons keep (`delivery_hours`). */
@Injectable()
export class OrderDeliveryRepository {
  /** Impressions each line of the order delivered so far (a line with none is absent). */
  async impressionsByLine(tx: EntityManager, tenantId: string, orderId: string): Promise<Map<string, number>> {
    const rows = (await tx.query(
      `SELECT line_id, sum(impressions)::bigint AS impressions FROM advertising.delivery_hours
       WHERE tenant_id = $1 AND order_id = $2 GROUP BY line_id`,
      [tenantId, orderId],
    )) as { line_id: string; impressions: string }[];
    return new Map(rows.map((row) => [row.line_id, Number(row.impressions)]));
  }
}
