import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  FrequencyCap,
  LineTargeting,
  OrderServingChangedEvent,
  OrderStatus,
  PacingMode,
  ServedCreative,
  ServedLine,
} from '@libs/contracts';

/** An order as serving sees it, with the agency it belongs to. */
export interface OrderServing {
  tenantId: string;
  data: OrderServingChangedEvent;
}

/** Orders whose lines may serve now or soon: memory keeps only these at start. */
const SERVABLE: OrderStatus[] = ['approved', 'live'];

/** Reads what orders serve: their lines, the lines' units and approved creatives, the advertiser's category. */
@Injectable()
export class OrderServingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bumps the serving version of these orders (locking them) and answers what each serves now. */
  async bumpAndRead(tx: EntityManager, tenantId: string, orderIds: string[]): Promise<OrderServing[]> {
    if (orderIds.length === 0) return [];
    await tx.query(
      `UPDATE advertising.orders SET serving_version = serving_version + 1 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, orderIds],
    );
    return this.read(tx, { tenantId, orderIds });
  }

  /** Every approved or live order, for memory at start. */
  servable(): Promise<OrderServing[]> {
    return this.read(this.dataSource.manager, { statuses: SERVABLE });
  }

  /** The orders of these lines (a creative attached to them changed). */
  async ordersOfLines(tx: EntityManager, tenantId: string, lineIds: string[]): Promise<string[]> {
    if (lineIds.length === 0) return [];
    const rows = (await tx.query(
      `SELECT DISTINCT order_id FROM advertising.order_lines WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, lineIds],
    )) as { order_id: string }[];
    return rows.map((row) => row.order_id);
  }

  private async read(
    manager: EntityManager,
    filter: { tenantId?: string; orderIds?: string[]; statuses?: OrderStatus[] },
  ): Promise<OrderServing[]> {
    const orders = (await manager.query(
      `SELECT o.id, o.tenant_id, o.advertiser_id, o.status, o.serving_version, a.category
       FROM advertising.orders o JOIN advertising.advertisers a ON a.id = o.advertiser_id
       WHERE ($1::uuid IS NULL OR o.tenant_id = $1) AND ($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))
         AND ($3::text[] IS NULL OR o.status = ANY($3::text[]))`,
      [filter.tenantId ?? null, filter.orderIds ?? null, filter.statuses ?? null],
    )) as OrderRow[];
    if (orders.length === 0) return [];
    const lines = (await manager.query(
      `SELECT l.id, l.order_id, l.ad_unit_id, u.site_id, u.code, u.sizes, l.pricing_model,
              l.flight_start::text AS flight_start, l.flight_end::text AS flight_end, l.impressions_per_day, l.targeting,
              l.roadblock_id, l.priority, l.frequency_cap, l.pacing
       FROM advertising.order_lines l JOIN advertising.ad_units u ON u.id = l.ad_unit_id
       WHERE l.order_id = ANY($1::uuid[]) AND u.site_id IS NOT NULL ORDER BY l.order_id, l.position`,
      [orders.map((o) => o.id)],
    )) as LineRow[];
    const creatives = (await manager.query(
      `SELECT id, kind, size, click_url, headline, label, tag, sha256, content_type, entry_file, order_line_ids
       FROM advertising.creatives WHERE status = 'approved' AND order_line_ids && $1::uuid[]`,
      [lines.map((l) => l.id)],
    )) as CreativeRow[];
    const creativesOfLine = new Map<string, ServedCreative[]>();
    for (const row of creatives) {
      const creative: ServedCreative = {
        creativeId: row.id,
        kind: row.kind,
        size: row.size,
        clickUrl: row.click_url,
        headline: row.headline,
        label: row.label,
        tag: row.tag,
        sha256: row.sha256,
        contentType: row.content_type,
        entryFile: row.entry_file,
      };
      for (const lineId of row.order_line_ids)
        creativesOfLine.set(lineId, [...(creativesOfLine.get(lineId) ?? []), creative]);
    }
    const linesOfOrder = new Map<string, ServedLine[]>();
    for (const row of lines) {
      const line: ServedLine = {
        lineId: row.id,
        adUnitId: row.ad_unit_id,
        siteId: row.site_id,
        unitCode: row.code,
        unitSizes: row.sizes,
        pricingModel: row.pricing_model,
        flightStart: row.flight_start,
        flightEnd: row.flight_end,
        impressionsPerDay: row.impressions_per_day,
        targeting: row.targeting,
        priority: row.priority,
        frequencyCap: row.frequency_cap,
        pacing: row.pacing,
        creatives: creativesOfLine.get(row.id) ?? [],
        roadblockId: row.roadblock_id,
      };
      linesOfOrder.set(row.order_id, [...(linesOfOrder.get(row.order_id) ?? []), line]);
    }
    return orders.map((order) => ({
      tenantId: order.tenant_id,
      data: {
        orderId: order.id,
        advertiserId: order.advertiser_id,
        category: order.category,
        status: order.status,
        version: order.serving_version,
        lines: linesOfOrder.get(order.id) ?? [],
      },
    }));
  }
}

interface OrderRow {
  id: string;
  tenant_id: string;
  advertiser_id: string;
  status: OrderStatus;
  serving_version: number;
  category: string;
}

interface LineRow {
  id: string;
  order_id: string;
  ad_unit_id: string;
  site_id: string;
  code: string;
  sizes: string[];
  pricing_model: ServedLine['pricingModel'];
  flight_start: string;
  flight_end: string;
  impressions_per_day: number;
  targeting: LineTargeting;
  roadblock_id: string | null;
  priority: number | null;
  frequency_cap: FrequencyCap | null;
  pacing: PacingMode;
}

interface CreativeRow {
  id: string;
  kind: ServedCreative['kind'];
  size: string;
  click_url: string | null;
  headline: string | null;
  label: string | null;
  tag: string | null;
  sha256: string | null;
  content_type: string | null;
  entry_file: string | null;
  order_line_ids: string[];
}
