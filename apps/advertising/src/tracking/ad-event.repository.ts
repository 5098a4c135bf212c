import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { AdEventKind } from '@libs/contracts';

/** One counted beacon as stored: raw, for audit, and the key of its hourly counter. */
export interface AdEventRow {
  /** The UTC day the ad was decided: the partition, and part of the key (a beacon's never changes). */
  decidedOn: string;
  beaconId: string;
  kind: AdEventKind;
  tenantId: string;
  siteId: string;
  orderId: string;
  lineId: string;
  adUnitId: string;
  creativeId: string;
  articleId: string;
  readerHash: string | null;
  /** The agency-local day and hour the beacon came in: its counter. */
  day: string;
  hour: number;
  /** When the beacon came in, epoch milliseconds. */
  occurredAt: number;
}

/** A daily partition of `ad_events` this service made (`ad_events_pYYYYMMDD`). */
export interface AdEventPartition {
  name: string;
  day: string;
}

/**
 * Stores the batch and counts exactly the rows it stored, in one statement (one transaction): a
 * beacon already stored, by this instance or another, changes nothing. Rows and counters are
 * taken in key order, so two batches sharing keys wait for each other rather than deadlock.
 */
const INSERT_COUNTING = `
WITH batch AS (
  SELECT * FROM unnest($1::date[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[],
                       $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::date[], $13::int2[], $14::float8[])
    AS b(decided_on, beacon_id, kind, tenant_id, site_id, order_id, line_id, ad_unit_id, creative_id,
         article_id, reader_hash, day, hour, occurred_ms)
), stored AS (
  INSERT INTO advertising.ad_events (decided_on, beacon_id, kind, tenant_id, site_id, order_id, line_id, ad_unit_id,
                                     creative_id, article_id, reader_hash, day, hour, occurred_at)
  SELECT decided_on, beacon_id, kind, tenant_id, site_id, order_id, line_id, ad_unit_id, creative_id, article_id,
         reader_hash, day, hour, to_timestamp(occurred_ms / 1000.0)
  FROM batch ORDER BY decided_on, beacon_id, kind
  ON CONFLICT DO NOTHING
  RETURNING beacon_id, kind, tenant_id, order_id, line_id, ad_unit_id, article_id, day, hour
), counted AS (
  INSERT INTO advertising.delivery_hours AS d
    (line_id, ad_unit_id, article_id, day, hour, tenant_id, order_id, impressions, viewables, clicks)
  SELECT line_id, ad_unit_id, article_id, day, hour, (array_agg(tenant_id))[1], (array_agg(order_id))[1],
         count(*) FILTER (WHERE kind = 'impression'), count(*) FILTER (WHERE kind = 'viewable'),
         count(*) FILTER (WHERE kind = 'click')
  FROM stored GROUP BY line_id, ad_unit_id, day, hour, article_id ORDER BY line_id, ad_unit_id, day, hour, article_id
  ON CONFLICT (line_id, ad_unit_id, day, hour, article_id) DO UPDATE
    SET impressions = d.impressions + excluded.impressions,
        viewables = d.viewables + excluded.viewables,
        clicks = d.clicks + excluded.clicks
)
SELECT kind, count(*)::int AS stored FROM stored GROUP BY kind`;

const PARTITION_NAME = /^ad_events_p(\d{4})(\d{2})(\d{2})$/;

/** The only code that writes SQL for beacons' raw events, their hourly counters and the events' partitions. */
@Injectable()
export class AdEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the rows not stored yet and adds them to their counters; answers how many it stored, by kind. */
  async insertCounting(rows: readonly AdEventRow[]): Promise<{ kind: AdEventKind; stored: number }[]> {
    // Array literals written here, not by the driver's generic (escaping) serializer: ids, days,
    // kinds and numbers need no quoting, and texts are quoted whole.
    const column = (value: (row: AdEventRow) => string | number) => `{${rows.map(value).join(',')}}`;
    const columns = [
      column((row) => row.decidedOn),
      column((row) => row.beaconId),
      column((row) => row.kind),
      column((row) => row.tenantId),
      column((row) => row.siteId),
      column((row) => row.orderId),
      column((row) => row.lineId),
      column((row) => row.adUnitId),
      column((row) => row.creativeId),
      column((row) => quoted(row.articleId)),
      column((row) => (row.readerHash === null ? 'NULL' : quoted(row.readerHash))),
      column((row) => row.day),
      column((row) => row.hour),
      column((row) => row.occurredAt),
    ];
    // a named statement: each pooled connection parses and plans it once, not once per batch
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<{ kind: AdEventKind; stored: number }>({
      name: 'advertising-ad-events-insert-counting',
      text: INSERT_COUNTING,
      values: columns,
    });
    return result.rows;
  }

  /** Runs `work` on one connection while this instance holds the partitions' lock; null when another instance holds it. */
  async whileMaintaining<T>(work: (manager: EntityManager) => Promise<T>): Promise<T | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('advertising.ad_events partitions')) AS locked`,
      )) as { locked: boolean }[];
      if (!locked) return null;
      try {
        // DDL on the partitioned table waits for beacons' statements: never long, or beacons would queue behind it.
        await runner.query(`SET lock_timeout = '5s'`);
        return await work(runner.manager);
      } finally {
        await runner.query(`RESET lock_timeout`);
        await runner.query(`SELECT pg_advisory_unlock(hashtext('advertising.ad_events partitions'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /** The daily partitions of ad_events, by day. */
  async dayPartitions(manager: EntityManager): Promise<AdEventPartition[]> {
    const rows = (await manager.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'advertising.ad_events'::regclass ORDER BY c.relname`,
    )) as { name: string }[];
    return rows.flatMap(({ name }) => {
      const match = PARTITION_NAME.exec(name);
      return match ? [{ name, day: `${match[1]}-${match[2]}-${match[3]}` }] : [];
    });
  }

  /** Days the DEFAULT partition holds rows of (no daily partition was there when they came), with their rows. */
  async daysInDefault(manager: EntityManager): Promise<{ day: string; rows: number }[]> {
    return (await manager.query(
      `SELECT decided_on::text AS day, count(*)::int AS rows FROM advertising.ad_events_default
       GROUP BY decided_on ORDER BY decided_on`,
    )) as { day: string; rows: number }[];
  }

  async createDayPartition(manager: EntityManager, day: string): Promise<void> {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await manager.query(
      `CREATE TABLE IF NOT EXISTS advertising.${partitionName(day)} PARTITION OF advertising.ad_events
       FOR VALUES FROM ('${day}') TO ('${next}')`,
    );
  }

  async dropPartition(manager: EntityManager, partition: AdEventPartition): Promise<void> {
    await manager.query(`DROP TABLE IF EXISTS advertising.${partitionName(partition.day)}`);
  }

  /** Deletes the DEFAULT partition's rows decided before `day`; answers how many. */
  async deleteDefaultBefore(manager: EntityManager, day: string): Promise<number> {
    const [, count] = (await manager.query(`DELETE FROM advertising.ad_events_default WHERE decided_on < $1`, [
      day,
    ])) as [unknown, number];
    return count;
  }
}

/** A text as an element of an array literal. */
function quoted(text: string): string {
  return `"${/["\\]/.test(text) ? text.replace(/["\\]/g, '\\$&') : text}"`;
}

/** `ad_events_pYYYYMMDD`: a day checked by its pattern first, so it is safe in DDL. */
function partitionName(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  return `ad_events_p${day.replaceAll('-', '')}`;
}
