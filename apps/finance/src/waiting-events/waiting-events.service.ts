import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, ListWaitingEventsRequest, WaitingEventListResponse } from '@libs/contracts';
import { WaitingEventRepository } from './waiting-event.repository';

const DEFAULT_PAGE = 50;

/**
 * Events finance holds back for want of another fact (a refund before its payment): each waits,
 * keyed by what it awaits, until the transaction that records that fact takes it out and replays it.
 */
@Injectable()
export class WaitingEventsService {
  constructor(private readonly waiting: WaitingEventRepository) {}

  /** The event waits for `awaited` (e.g. `charge:ch_123`), in the caller's transaction. */
  waitFor(tx: EntityManager, awaited: string, event: EventEnvelope<unknown>): Promise<void> {
    return this.waiting.insert(tx, awaited, event);
  }

  /** Takes out (deletes and answers) the events waiting for `awaited`, in the order they began to wait. */
  release(tx: EntityManager, tenantId: string, awaited: string): Promise<EventEnvelope<unknown>[]> {
    return this.waiting.deleteWaitingFor(tx, [{ tenantId, awaited }]);
  }

  /**
   * Takes out the events waiting for any of `keys` (a batch's facts) in one statement: in the order
   * of the keys given, and for each key in the order they began to wait.
   */
  releaseAll(tx: EntityManager, keys: { tenantId: string; awaited: string }[]): Promise<EventEnvelope<unknown>[]> {
    return this.waiting.deleteWaitingFor(tx, keys);
  }

  /** The agency's waiting events, longest waiting first, for its finance team. */
  async list(tenantId: string, request: ListWaitingEventsRequest): Promise<WaitingEventListResponse> {
    const limit = request.limit ?? DEFAULT_PAGE;
    const rows = await this.waiting.findPageOfTenant(tenantId, limit, request.after);
    return {
      items: rows.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventType: row.event_type,
        awaits: row.awaited,
        occurredAt: row.occurred_at,
        waitingSince: row.waiting_since.toISOString(),
      })),
      nextAfter: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }
}
