import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A count of page requests to add to a site's hour. */
export interface TrafficToAdd {
  siteId: string;
  tenantId: string;
  day: string;
  hour: number;
  pages: number;
}

/** Sites' page requests per agency-local hour: added to in batches by every instance, read for curves. */
@Injectable()
export class SiteTrafficHourRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the counts to their hours (instances add to the same hour: the sum is the site's). */
  async addPages(counts: readonly TrafficToAdd[]): Promise<void> {
    if (counts.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO advertising.site_traffic_hours (site_id, tenant_id, day, hour, pages)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::smallint[], $5::bigint[])
       ON CONFLICT (site_id, day, hour) DO UPDATE SET pages = advertising.site_traffic_hours.pages + EXCLUDED.pages`,
      [
        counts.map((c) => c.siteId),
        counts.map((c) => c.tenantId),
        counts.map((c) => c.day),
        counts.map((c) => c.hour),
        counts.map((c) => c.pages),
      ],
    );
  }

  /** Every site's hours from `firstDay` on, for their curves. */
  async findFromDay(firstDay: string): Promise<{ siteId: string; day: string; hour: number; pages: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT site_id, day::text AS day, hour, pages::float8 AS pages
       FROM advertising.site_traffic_hours WHERE day >= $1::date`,
      [firstDay],
    )) as { site_id: string; day: string; hour: number; pages: number }[];
    return rows.map((row) => ({ siteId: row.site_id, day: row.day, hour: row.hour, pages: row.pages }));
  }

  /** Deletes up to `limit` hours of days before `day`; how many went. */
  async deleteBeforeDay(day: string, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM advertising.site_traffic_hours WHERE (site_id, day, hour) IN (
         SELECT site_id, day, hour FROM advertising.site_traffic_hours WHERE day < $1::date LIMIT $2)`,
      [day, limit],
    )) as [unknown, number];
    return deleted;
  }
}
