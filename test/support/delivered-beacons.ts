import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { OrderView } from '@libs/contracts';

/** The line beacons were counted for, as the tracking tables name it. */
export interface BeaconLine {
  tenantId: string;
  siteId: string;
  orderId: string;
  lineId: string;
  adUnitId: string;
}

/** Impressions counted in one agency-local hour on one page, some viewable, some clicked, by given readers. */
export interface DeliveredHour {
  day: string;
  hour?: number;
  /** The article whose page showed the ad; '' (the default) for a page that is no article. */
  articleId?: string;
  impressions: number;
  viewables?: number;
  clicks?: number;
  /** The reader of each impression in turn (repeating); null for impressions without a reader hash. */
  readers?: (string | null)[];
}

/** The line of an order as beacons name it. */
export function beaconLineOf(tenantId: string, siteId: string, order: OrderView, position = 0): BeaconLine {
  const line = order.lines[position];
  return { tenantId, siteId, orderId: order.id, lineId: line.id, adUnitId: line.adUnitId };
}

/**
 * What beacons leave behind for delivered ads, written as the tracking side writes it: each
 * impression, viewable and click once in `ad_events` (the first impressions of an hour are the
 * viewable and clicked ones), and the same counts added to `delivery_hours`. Fixture data standing
 * for beacons a page sent.
 */
export async function deliverBeacons(db: Client, line: BeaconLine, hours: DeliveredHour[]): Promise<void> {
  const events: unknown[][] = [];
  for (const hour of hours) {
    const readers = hour.readers ?? [null];
    const at = `${hour.day}T${String(hour.hour ?? 0).padStart(2, '0')}:30:00Z`;
    for (let i = 0; i < hour.impressions; i++) {
      const beaconId = randomUUID();
      const kinds = [
        'impression',
        ...(i < (hour.viewables ?? 0) ? ['viewable'] : []),
        ...(i < (hour.clicks ?? 0) ? ['click'] : []),
      ];
      for (const kind of kinds)
        events.push([beaconId, kind, hour.articleId ?? '', readers[i % readers.length], hour.day, hour.hour ?? 0, at]);
    }
  }
  const column = (i: number) => events.map((event) => event[i]);
  await db.query(
    `INSERT INTO advertising.ad_events (decided_on, beacon_id, kind, tenant_id, site_id, order_id, line_id, ad_unit_id,
       creative_id, article_id, reader_hash, day, hour, occurred_at)
     SELECT e.day, e.beacon_id, e.kind, $1, $2, $3, $4, $5, $6, e.article_id, e.reader_hash, e.day, e.hour, e.at
     FROM unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::date[], $12::smallint[], $13::timestamptz[])
       AS e(beacon_id, kind, article_id, reader_hash, day, hour, at)`,
    [
      line.tenantId,
      line.siteId,
      line.orderId,
      line.lineId,
      line.adUnitId,
      randomUUID(),
      ...[0, 1, 2, 3, 4, 5, 6].map(column),
    ],
  );
  await countDelivery(db, line, hours);
}

/**
 * Adds counts to `delivery_hours` only, as beacons whose raw events are past retention left them
 * (a unit's delivery history for forecasts).
 */
export async function countDelivery(db: Client, line: BeaconLine, hours: DeliveredHour[]): Promise<void> {
  for (const hour of hours)
    await db.query(
      `INSERT INTO advertising.delivery_hours
         (line_id, ad_unit_id, article_id, day, hour, tenant_id, order_id, impressions, viewables, clicks)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (line_id, ad_unit_id, day, hour, article_id) DO UPDATE SET
         impressions = delivery_hours.impressions + excluded.impressions,
         viewables = delivery_hours.viewables + excluded.viewables,
         clicks = delivery_hours.clicks + excluded.clicks`,
      [
        line.lineId,
        line.adUnitId,
        hour.articleId ?? '',
        hour.day,
        hour.hour ?? 0,
        line.tenantId,
        line.orderId,
        hour.impressions,
        hour.viewables ?? 0,
        hour.clicks ?? 0,
      ],
    );
}
