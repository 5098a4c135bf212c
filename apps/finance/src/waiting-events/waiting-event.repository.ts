import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@libs/contracts';

export interface WaitingEventRow {
  id: string;
  event_type: string;
  awaited: string;
  event_id: string;
  occurred_at: string;
  waiting_since: Date;
}

/** The only code that writes SQL for waiting events. */
@Injectable()
export class WaitingEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, awaited: string, envelope: EventEnvelope<unknown>): Promise<void> {
    await tx.query(
      `INSERT INTO finance.waiting_events (tenant_id, awaited, event_type, envelope) VALUES ($1, $2, $3, $4)`,
      [envelope.tenantId, awaited, envelope.type, JSON.stringify(envelope)],
    );
  }

  /**
   * Takes out (deletes and answers) the events waiting for any of `keys` (a batch's facts) in one
   * statement: in the order of the keys given, and for each key in the order they began to wait.
   */
  async deleteWaitingFor(
    tx: EntityManager,
    keys: { tenantId: string; awaited: string }[],
  ): Promise<EventEnvelope<unknown>[]> {
    if (keys.length === 0) return [];
    // A data-modifying CTE, so the driver answers rows (a bare DELETE … RETURNING answers [rows, count]).
    const rows: { envelope: EventEnvelope<unknown> }[] = await tx.query(
      `WITH keys AS (SELECT * FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(tenant_id, awaited, n)),
            released AS (
              DELETE FROM finance.waiting_events w USING keys k WHERE w.tenant_id = k.tenant_id AND w.awaited = k.awaited
              RETURNING w.envelope, w.waiting_since, w.id, k.n)
       SELECT envelope FROM released ORDER BY n, waiting_since, id`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.awaited)],
    );
    return rows.map((row) => row.envelope);
  }

  /** The agency's waiting events, longest waiting first; `after` (an id) starts after that one. */
  findPageOfTenant(tenantId: string, limit: number, after?: string): Promise<WaitingEventRow[]> {
    return this.dataSource.query(
      `SELECT w.id, w.event_type, w.awaited, w.envelope->>'id' AS event_id, w.envelope->>'time' AS occurred_at, w.waiting_since
       FROM finance.waiting_events w
       WHERE w.tenant_id = $1
         AND ($3::uuid IS NULL OR (w.waiting_since, w.id) > (SELECT a.waiting_since, a.id FROM finance.waiting_events a WHERE a.tenant_id = $1 AND a.id = $3))
       ORDER BY w.waiting_since, w.id LIMIT $2`,
      [tenantId, limit, after ?? null],
    );
  }
}
