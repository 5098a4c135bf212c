import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@libs/contracts';

/** The only code that writes SQL for parked events. */
@Injectable()
export class ParkedEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async park(tx: EntityManager, awaited: string, envelope: EventEnvelope<unknown>): Promise<void> {
    await tx.query(
      `INSERT INTO finance.parked_events (tenant_id, awaited, event_type, envelope) VALUES ($1, $2, $3, $4)`,
      [envelope.tenantId, awaited, envelope.type, JSON.stringify(envelope)],
    );
  }

  /** Takes out (deletes and answers) the events waiting for `awaited`, in the order they were parked. */
  release(tx: EntityManager, tenantId: string, awaited: string): Promise<EventEnvelope<unknown>[]> {
    return this.releaseAll(tx, [{ tenantId, awaited }]);
  }

  /**
   * Takes out the events waiting for any of `keys` (a batch's facts) in one statement: in the order
   * of the keys given, and for each key in the order they were parked.
   */
  async releaseAll(
    tx: EntityManager,
    keys: { tenantId: string; awaited: string }[],
  ): Promise<EventEnvelope<unknown>[]> {
    if (keys.length === 0) return [];
    // A data-modifying CTE, so the driver answers rows (a bare DELETE … RETURNING answers [rows, count]).
    const rows: { envelope: EventEnvelope<unknown> }[] = await tx.query(
      `WITH keys AS (SELECT * FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(tenant_id, awaited, n)),
            released AS (
              DELETE FROM finance.parked_events p USING keys k WHERE p.tenant_id = k.tenant_id AND p.awaited = k.awaited
              RETURNING p.envelope, p.parked_at, p.id, k.n)
       SELECT envelope FROM released ORDER BY n, parked_at, id`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.awaited)],
    );
    return rows.map((row) => row.envelope);
  }

  /** The agency's waiting events, longest waiting first; `after` (an id) starts after that one. */
  findPageOfTenant(tenantId: string, limit: number, after?: string): Promise<ParkedEventRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.event_type, p.awaited, p.envelope->>'id' AS event_id, p.envelope->>'time' AS occurred_at, p.parked_at
       FROM finance.parked_events p
       WHERE p.tenant_id = $1
         AND ($3::uuid IS NULL OR (p.parked_at, p.id) > (SELECT a.parked_at, a.id FROM finance.parked_events a WHERE a.tenant_id = $1 AND a.id = $3))
       ORDER BY p.parked_at, p.id LIMIT $2`,
      [tenantId, limit, after ?? null],
    );
  }
}

export interface ParkedEventRow {
  id: string;
  event_type: string;
  awaited: string;
  event_id: string;
  occurred_at: string;
  parked_at: Date;
}
