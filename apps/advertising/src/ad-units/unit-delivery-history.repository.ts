import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Reads what a unit delivered, from the hourly delivery counters the beacons keep (all lines together). */
@Injectable()
export class UnitDeliveryHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit's first agency-local day with any impression, or null. */
  async firstDeliveredDay(tenantId: string, adUnitId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT min(day)::text AS day FROM advertising.delivery_hours
       WHERE tenant_id = $1 AND ad_unit_id = $2 AND impressions > 0`,
      [tenantId, adUnitId],
    )) as { day: string | null }[];
    return rows[0]?.day ?? null;
  }

  /** The unit's impressions per agency-local day from `from` to `to` (days without any are absent). */
  async impressionsPerDay(tenantId: string, adUnitId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT day::text AS day, sum(impressions)::bigint AS impressions FROM advertising.delivery_hours
       WHERE tenant_id = $1 AND ad_unit_id = $2 AND day BETWEEN $3 AND $4 GROUP BY day`,
      [tenantId, adUnitId, from, to],
    )) as { day: string; impressions: string }[];
    return new Map(rows.map((row) => [row.day, Number(row.impressions)]));
  }
}
