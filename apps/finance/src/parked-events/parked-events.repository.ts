import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@libs/contracts';

/** The only code that writes SQL for parked events. */
@Injectable()
export class ParkedEventsRepository {
  async park(tx: EntityManager, awaited: string, envelope: EventEnvelope<unknown>): Promise<void> {
    await tx.query(
      `INSERT INTO finance.parked_events (tenant_id, awaited, event_type, envelope) VALUES ($1, $2, $3, $4)`,
      [envelope.tenantId, awaited, envelope.type, JSON.stringify(envelope)],
    );
  }

  /** Takes out (deletes and answers) the events waiting for `awaited`, in the order they were parked. */
  async release(tx: EntityManager, tenantId: string, awaited: string): Promise<EventEnvelope<unknown>[]> {
    // A data-modifying CTE, so the driver answers rows (a bare DELETE … RETURNING answers [rows, count]).
    const rows: { envelope: EventEnvelope<unknown> }[] = await tx.query(
      `WITH released AS (DELETE FROM finance.parked_events WHERE tenant_id = $1 AND awaited = $2 RETURNING envelope, parked_at, id)
       SELECT envelope FROM released ORDER BY parked_at, id`,
      [tenantId, awaited],
    );
    return rows.map((row) => row.envelope);
  }
}
