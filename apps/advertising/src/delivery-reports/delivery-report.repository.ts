import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryReportGroup, PricingModel } from '@libs/contracts';

/** What a report covers: the agency, maybe one advertiser's orders, one order, one line, between two agency-local days. */
export interface ReportFilter {
  tenantId: string;
  advertiserId: string | null;
  orderId: string | null;
  lineId: string | null;
  from: string;
  to: string;
}

/** Counts of one group (or of the whole report, key ''). */
export interface GroupCounts {
  key: string;
  impressions: number;
  viewables: number;
  clicks: number;
}

/** A line in a report's scope, with what it delivered over its whole flight (today included). */
export interface ReportLine {
  id: string;
  orderId: string;
  adUnitId: string;
  pricingModel: PricingModel;
  flightStart: string;
  flightEnd: string;
  impressionsPerDay: number;
  impressions: number;
  daysDelivered: number;
}

/** The SQL of each group's key, over the columns delivery_hours and ad_events share. */
const KEYS: Record<DeliveryReportGroup, string> = {
  day: `x.day::text`,
  hour: `x.day::text || 'T' || lpad(x.hour::text, 2, '0')`,
  line: `x.line_id::text`,
  unit: `x.ad_unit_id::text`,
  article: `x.article_id`,
};

/** The report's rows of delivery_hours or ad_events (`x`), joined to their order for the advertiser's scope. */
const IN_SCOPE = `JOIN advertising.orders o ON o.id = x.order_id AND o.tenant_id = x.tenant_id
  WHERE x.tenant_id = $1 AND x.day BETWEEN $2::date AND $3::date
    AND ($4::uuid IS NULL OR o.advertiser_id = $4) AND ($5::uuid IS NULL OR x.order_id = $5)
    AND ($6::uuid IS NULL OR x.line_id = $6)`;

/** Reads delivery for reports: counts from the hourly counters, readers from the raw impression events. */
@Injectable()
export class DeliveryReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Impressions, viewables and clicks per group (or, without a group, one row keyed ''). */
  async countsBy(filter: ReportFilter, groupBy: DeliveryReportGroup | null): Promise<GroupCounts[]> {
    const key = groupBy ? KEYS[groupBy] : `''`;
    const rows = (await this.dataSource.query(
      `SELECT ${key} AS key, sum(x.impressions)::text AS impressions, sum(x.viewables)::text AS viewables,
              sum(x.clicks)::text AS clicks
       FROM advertising.delivery_hours x ${IN_SCOPE} GROUP BY 1 ORDER BY (${key}) COLLATE "C"`,
      paramsOf(filter),
    )) as { key: string; impressions: string; viewables: string; clicks: string }[];
    return rows.map((row) => ({
      key: row.key,
      impressions: Number(row.impressions),
      viewables: Number(row.viewables),
      clicks: Number(row.clicks),
    }));
  }

  /** Distinct reader hashes of the impressions per group (or, without a group, keyed ''): an exact count. */
  async readersBy(filter: ReportFilter, groupBy: DeliveryReportGroup | null): Promise<Map<string, number>> {
    const key = groupBy ? KEYS[groupBy] : `''`;
    const rows = (await this.dataSource.query(
      `SELECT ${key} AS key, count(DISTINCT x.reader_hash)::text AS readers
       FROM advertising.ad_events x ${IN_SCOPE} AND x.kind = 'impression' GROUP BY 1`,
      paramsOf(filter),
    )) as { key: string; readers: string }[];
    return new Map(rows.map((row) => [row.key, Number(row.readers)]));
  }

  /**
   * The lines of the scope whose flight meets the report's days (of orders ad ops approved), at most
   * `limit`, with their delivery over their whole flight.
   */
  async linesOf(filter: ReportFilter, limit: number): Promise<ReportLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT l.id, l.order_id, l.ad_unit_id, l.pricing_model, l.flight_start::text AS flight_start,
              l.flight_end::text AS flight_end, l.impressions_per_day,
              coalesce(d.impressions, 0)::text AS impressions, coalesce(d.days, 0)::integer AS days_delivered
       FROM advertising.order_lines l
       JOIN advertising.orders o ON o.id = l.order_id
       LEFT JOIN LATERAL (
         SELECT sum(h.impressions) AS impressions, count(DISTINCT h.day) FILTER (WHERE h.impressions > 0) AS days
         FROM advertising.delivery_hours h
         WHERE h.line_id = l.id AND h.day BETWEEN l.flight_start AND l.flight_end) d ON true
       WHERE l.tenant_id = $1 AND l.flight_start <= $3::date AND l.flight_end >= $2::date
         AND ($4::uuid IS NULL OR o.advertiser_id = $4) AND ($5::uuid IS NULL OR l.order_id = $5)
         AND ($6::uuid IS NULL OR l.id = $6) AND o.history @> '[{"to":"approved"}]'::jsonb
       ORDER BY l.flight_start, l.order_id, l.position LIMIT $7`,
      [...paramsOf(filter), limit],
    )) as LineRow[];
    return rows.map((row) => ({
      id: row.id,
      orderId: row.order_id,
      adUnitId: row.ad_unit_id,
      pricingModel: row.pricing_model,
      flightStart: row.flight_start,
      flightEnd: row.flight_end,
      impressionsPerDay: row.impressions_per_day,
      impressions: Number(row.impressions),
      daysDelivered: row.days_delivered,
    }));
  }

  /** The line's order and flight, when the line is in the scope (an advertiser's own, the order named). */
  async findLine(
    scope: Pick<ReportFilter, 'tenantId' | 'advertiserId' | 'orderId'>,
    lineId: string,
  ): Promise<{ orderId: string; flightStart: string; flightEnd: string } | null> {
    const rows = (await this.dataSource.query(
      `SELECT l.order_id, l.flight_start::text AS flight_start, l.flight_end::text AS flight_end
       FROM advertising.order_lines l JOIN advertising.orders o ON o.id = l.order_id
       WHERE l.tenant_id = $1 AND l.id = $2 AND ($3::uuid IS NULL OR o.advertiser_id = $3)
         AND ($4::uuid IS NULL OR l.order_id = $4)`,
      [scope.tenantId, lineId, scope.advertiserId, scope.orderId],
    )) as { order_id: string; flight_start: string; flight_end: string }[];
    return rows[0]
      ? { orderId: rows[0].order_id, flightStart: rows[0].flight_start, flightEnd: rows[0].flight_end }
      : null;
  }
}

function paramsOf(filter: ReportFilter): unknown[] {
  return [filter.tenantId, filter.from, filter.to, filter.advertiserId, filter.orderId, filter.lineId];
}

interface LineRow {
  id: string;
  order_id: string;
  ad_unit_id: string;
  pricing_model: PricingModel;
  flight_start: string;
  flight_end: string;
  impressions_per_day: number;
  impressions: string;
  days_delivered: number;
}
