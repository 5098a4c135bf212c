import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrderStatus, PricingModel } from '@libs/contracts';
import { DeliveryRecord } from './delivery-record.entity';

/** A line as its delivery is recorded: its flight, price and goal, its order, the agency's time zone. */
export interface LineToRecord {
  id: string;
  tenantId: string;
  orderId: string;
  orderStatus: OrderStatus;
  advertiserId: string;
  pricingModel: PricingModel;
  flightStart: string;
  flightEnd: string;
  impressionsPerDay: number;
  flightDays: number;
  taxable: bigint;
  currency: string;
  makeGoodOf: string | null;
  timeZone: string;
}

/** What was recorded of a line so far. */
export interface RecordedSoFar {
  lastDay: string | null;
  impressions: number;
  amount: bigint;
  /** Recorded days that delivered nothing. */
  daysWithoutDelivery: string[];
}

/**
 * Lines of orders ad ops approved (invoiced) whose flight has a settled day not recorded yet: the
 * SQL is one condition, so the claim and the step agree on what is due.
 */
const DUE = `o.history @> '[{"to":"approved"}]'::jsonb
  AND coalesce(r.last_day + 1, l.flight_start)
      <= least(l.flight_end, ((($1::timestamptz - $2 * interval '1 millisecond') AT TIME ZONE t.time_zone)::date - 1))`;

@Injectable()
export class DeliveryRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A line with a settled day to record, its earliest first; lines in `skip` are passed over. */
  async findLineDue(now: Date, settlingMs: number, skip: string[]): Promise<{ id: string; tenantId: string } | null> {
    const rows = (await this.dataSource.query(
      `SELECT l.id, l.tenant_id FROM advertising.order_lines l
       JOIN advertising.orders o ON o.id = l.order_id
       JOIN advertising.tenants t ON t.tenant_id = l.tenant_id
       LEFT JOIN LATERAL (SELECT max(day) AS last_day FROM advertising.delivery_records d WHERE d.line_id = l.id) r ON true
       WHERE ${DUE} AND NOT (l.id = ANY($3::uuid[]))
       ORDER BY coalesce(r.last_day + 1, l.flight_start), l.id LIMIT 1`,
      [now, settlingMs, skip],
    )) as { id: string; tenant_id: string }[];
    return rows[0] ? { id: rows[0].id, tenantId: rows[0].tenant_id } : null;
  }

  /** Takes the line for this transaction; false when another transaction records it now. */
  async lockLine(tx: EntityManager, lineId: string): Promise<boolean> {
    const [row] = (await tx.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7301)) AS taken`, [
      lineId,
    ])) as { taken: boolean }[];
    return row.taken;
  }

  async findLine(tx: EntityManager, lineId: string): Promise<LineToRecord | null> {
    const rows = (await tx.query(
      `SELECT l.id, l.tenant_id, l.order_id, o.status, o.advertiser_id, l.pricing_model,
              l.flight_start::text AS flight_start, l.flight_end::text AS flight_end, l.impressions_per_day,
              (l.flight_end - l.flight_start + 1) AS flight_days, l.quote->'steps'->>'taxable' AS taxable,
              l.quote->>'currency' AS currency, l.make_good_of, t.time_zone
       FROM advertising.order_lines l
       JOIN advertising.orders o ON o.id = l.order_id
       JOIN advertising.tenants t ON t.tenant_id = l.tenant_id
       WHERE l.id = $1`,
      [lineId],
    )) as LineRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      tenantId: row.tenant_id,
      orderId: row.order_id,
      orderStatus: row.status,
      advertiserId: row.advertiser_id,
      pricingModel: row.pricing_model,
      flightStart: row.flight_start,
      flightEnd: row.flight_end,
      impressionsPerDay: row.impressions_per_day,
      flightDays: row.flight_days,
      taxable: BigInt(row.taxable),
      currency: row.currency,
      makeGoodOf: row.make_good_of,
      timeZone: row.time_zone,
    };
  }

  async recordedSoFar(tx: EntityManager, lineId: string): Promise<RecordedSoFar> {
    const [row] = (await tx.query(
      `SELECT max(day)::text AS last_day, coalesce(sum(impressions), 0)::text AS impressions,
              coalesce(sum(amount), 0)::text AS amount,
              coalesce(array_agg(day::text ORDER BY day) FILTER (WHERE impressions = 0), '{}') AS days_without
       FROM advertising.delivery_records WHERE line_id = $1`,
      [lineId],
    )) as { last_day: string | null; impressions: string; amount: string; days_without: string[] }[];
    return {
      lastDay: row.last_day,
      impressions: Number(row.impressions),
      amount: BigInt(row.amount),
      daysWithoutDelivery: row.days_without,
    };
  }

  /** The line's impressions on a day per article (`''` for pages that are no article), from the hourly counters. */
  async impressionsByArticle(tx: EntityManager, lineId: string, day: string): Promise<Map<string, number>> {
    const rows = (await tx.query(
      `SELECT article_id, sum(impressions)::text AS impressions FROM advertising.delivery_hours
       WHERE line_id = $1 AND day = $2 GROUP BY article_id`,
      [lineId, day],
    )) as { article_id: string; impressions: string }[];
    return new Map(rows.map((row) => [row.article_id, Number(row.impressions)]));
  }

  /** Records the day unless it already is; false when it was (then nothing is written). */
  async addUnlessRecorded(tx: EntityManager, record: Omit<DeliveryRecord, 'recordedAt'>): Promise<boolean> {
    const inserted = (await tx.query(
      `INSERT INTO advertising.delivery_records
         (line_id, day, tenant_id, order_id, impressions, currency, amount, articles, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT DO NOTHING RETURNING line_id`,
      [
        record.lineId,
        record.day,
        record.tenantId,
        record.orderId,
        record.impressions,
        record.currency,
        record.amount,
        JSON.stringify(record.articles),
        record.eventId,
      ],
    )) as unknown[];
    return inserted.length === 1;
  }

  /** The recorded days of a line, in order (what finance was told). */
  findOfLine(tenantId: string, lineId: string): Promise<DeliveryRecord[]> {
    return this.dataSource.getRepository(DeliveryRecord).find({ where: { tenantId, lineId }, order: { day: 'ASC' } });
  }
}

interface LineRow {
  id: string;
  tenant_id: string;
  order_id: string;
  status: OrderStatus;
  advertiser_id: string;
  pricing_model: PricingModel;
  flight_start: string;
  flight_end: string;
  impressions_per_day: number;
  flight_days: number;
  taxable: string;
  currency: string;
  make_good_of: string | null;
  time_zone: string;
}
