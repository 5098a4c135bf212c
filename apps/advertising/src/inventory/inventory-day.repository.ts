import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { InventoryDayCounts } from './unit-day-availability';

/** A unit-day of an order's line and the impressions the line takes on it. */
export interface TakenDay {
  day: string;
  impressions: number;
}

/**
 * The only code that moves sold and held impressions. Every change is one conditional UPDATE on
 * the unit-day rows (locked in unit and day order), and the table's CHECK refuses sold + held
 * beyond capacity whatever else runs, so no instance can overbook.
 */
@Injectable()
export class InventoryDayRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored days of units between two days, by unit and day. */
  async findRange(
    tenantId: string,
    adUnitIds: string[],
    from: string,
    to: string,
  ): Promise<(InventoryDayCounts & { adUnitId: string; day: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT ad_unit_id, day::text AS day, capacity, sold, held, exclusive FROM advertising.inventory_days
       WHERE tenant_id = $1 AND ad_unit_id = ANY($2::uuid[]) AND day BETWEEN $3 AND $4 ORDER BY ad_unit_id, day`,
      [tenantId, adUnitIds, from, to],
    )) as { ad_unit_id: string; day: string; capacity: number; sold: number; held: number; exclusive: boolean }[];
    return rows.map((row) => ({
      adUnitId: row.ad_unit_id,
      day: row.day,
      capacity: row.capacity,
      sold: row.sold,
      held: row.held,
      exclusive: row.exclusive,
    }));
  }

  /** Makes the rows of the unit-days a booking touches, each at the capacity the unit has on it now (the unit is locked). */
  async ensureDays(
    tx: EntityManager,
    tenantId: string,
    adUnitId: string,
    days: { day: string; capacity: number }[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO advertising.inventory_days (ad_unit_id, day, tenant_id, capacity)
       SELECT $1, d, $2, c FROM unnest($3::date[], $4::integer[]) AS u(d, c) ON CONFLICT DO NOTHING`,
      [adUnitId, tenantId, days.map((d) => d.day), days.map((d) => d.capacity)],
    );
  }

  /**
   * Locks unit-days in one order (unit, day), so that bookings of several lines whose days
   * overlap queue instead of deadlocking. (One line's update locks its days in index order by itself.)
   */
  async lockDays(tx: EntityManager, pairs: { adUnitId: string; day: string }[]): Promise<void> {
    await tx.query(
      `SELECT 1 FROM advertising.inventory_days i
       JOIN unnest($1::uuid[], $2::date[]) AS p(ad_unit_id, day) ON i.ad_unit_id = p.ad_unit_id AND i.day = p.day
       ORDER BY i.ad_unit_id, i.day FOR UPDATE OF i`,
      [pairs.map((pair) => pair.adUnitId), pairs.map((pair) => pair.day)],
    );
  }

  /**
   * Holds `impressions` on each day where they fit (a whole-day line: the day's whole capacity,
   * only on a day nothing is sold or held on, and it then owns the day). Answers the days held;
   * a day missing from the answer had no room, and nothing was held on it.
   */
  async hold(
    tx: EntityManager,
    adUnitId: string,
    days: string[],
    take: { wholeDay: true } | { wholeDay: false; impressions: number },
  ): Promise<TakenDay[]> {
    const [rows] = (await tx.query(
      `UPDATE advertising.inventory_days
       SET held = held + CASE WHEN $3 THEN capacity ELSE $4::integer END, exclusive = exclusive OR $3
       WHERE ad_unit_id = $1 AND day = ANY($2::date[]) AND NOT exclusive
         AND CASE WHEN $3 THEN sold = 0 AND held = 0 AND capacity > 0 ELSE sold + held + $4::integer <= capacity END
       RETURNING day::text AS day, CASE WHEN $3 THEN capacity ELSE $4::integer END AS impressions`,
      [adUnitId, days, take.wholeDay, take.wholeDay ? 0 : take.impressions],
    )) as [TakenDay[], number];
    return rows;
  }

  /**
   * An order's held impressions become sold. Its lines' days are summed per unit-day first: two
   * lines of one order on one unit-day are one row to change (an UPDATE … FROM takes one joined
   * row per target row, so the second line would be lost).
   */
  async sellHeld(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query(
      `UPDATE advertising.inventory_days i SET held = i.held - d.impressions, sold = i.sold + d.impressions
       FROM (SELECT ad_unit_id, day, sum(impressions)::integer AS impressions FROM advertising.order_line_days
             WHERE order_id = $1 GROUP BY ad_unit_id, day) d
       WHERE i.ad_unit_id = d.ad_unit_id AND i.day = d.day`,
      [orderId],
    );
  }

  /**
   * Frees what an order holds (or, once sold, what it bought) from `fromDay` on, summed per
   * unit-day as in `sellHeld`; a whole-day line's days are no longer owned.
   */
  async release(tx: EntityManager, orderId: string, what: 'held' | 'sold', fromDay: string): Promise<void> {
    const column = what === 'held' ? 'held' : 'sold';
    await tx.query(
      `UPDATE advertising.inventory_days i
       SET ${column} = i.${column} - d.impressions, exclusive = i.exclusive AND NOT d.whole_day
       FROM (SELECT d.ad_unit_id, d.day, sum(d.impressions)::integer AS impressions,
                    bool_or(l.pricing_model IN ('cpd', 'sponsorship')) AS whole_day
             FROM advertising.order_line_days d JOIN advertising.order_lines l ON l.id = d.line_id
             WHERE d.order_id = $1 AND d.day >= $2::date GROUP BY d.ad_unit_id, d.day) d
       WHERE i.ad_unit_id = d.ad_unit_id AND i.day = d.day`,
      [orderId, fromDay],
    );
  }

  /** The days to come on which a unit has more sold and held than `capacity` (locked, so none is added meanwhile). */
  async daysAbove(tx: EntityManager, adUnitId: string, fromDay: string, capacity: number): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT day::text AS day FROM advertising.inventory_days
       WHERE ad_unit_id = $1 AND day >= $2::date AND sold + held > $3
       ORDER BY day FOR UPDATE`,
      [adUnitId, fromDay, capacity],
    )) as { day: string }[];
    return rows.map((row) => row.day);
  }

  /**
   * The days to come on which a unit has more sold and held than its capacity of that weekday
   * (`capacities`, Monday first), locked so none is added meanwhile.
   */
  async daysAboveByWeekday(
    tx: EntityManager,
    adUnitId: string,
    fromDay: string,
    capacities: number[],
  ): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT day::text AS day FROM advertising.inventory_days
       WHERE ad_unit_id = $1 AND day >= $2::date AND sold + held > ($3::integer[])[extract(isodow FROM day)::integer]
       ORDER BY day FOR UPDATE`,
      [adUnitId, fromDay, capacities],
    )) as { day: string }[];
    return rows.map((row) => row.day);
  }

  /**
   * A unit's capacity of each weekday (Monday first) on its stored days to come; `keepTaken` raises
   * a day's to what is sold and held on it where the new one is lower (a forecast remade), else the
   * CHECK refuses it.
   */
  async setCapacityByWeekday(
    tx: EntityManager,
    adUnitId: string,
    fromDay: string,
    capacities: number[],
    keepTaken: boolean,
  ): Promise<void> {
    await tx.query(
      `UPDATE advertising.inventory_days
       SET capacity = CASE WHEN $4 THEN greatest(($3::integer[])[extract(isodow FROM day)::integer], sold + held)
                           ELSE ($3::integer[])[extract(isodow FROM day)::integer] END
       WHERE ad_unit_id = $1 AND day >= $2::date`,
      [adUnitId, fromDay, capacities, keepTaken],
    );
  }

  /** The days to come on which a unit has anything sold or held. */
  async daysTaken(tx: EntityManager, adUnitId: string, fromDay: string): Promise<string[]> {
    return this.daysAbove(tx, adUnitId, fromDay, 0);
  }
}
