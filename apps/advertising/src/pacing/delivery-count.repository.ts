import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Lines' delivered impressions, from the hourly counters beacons keep (`delivery_hours`): read only. */
@Injectable()
export class DeliveryCountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Impressions each line delivered so far (a line without any is absent). */
  async impressionsOfLines(lineIds: readonly string[]): Promise<Map<string, number>> {
    if (lineIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT line_id, sum(impressions)::float8 AS impressions
       FROM advertising.delivery_hours WHERE line_id = ANY($1::uuid[]) GROUP BY line_id`,
      [lineIds],
    )) as { line_id: string; impressions: number }[];
    return new Map(rows.map((row) => [row.line_id, row.impressions]));
  }
}
