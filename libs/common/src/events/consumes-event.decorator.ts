import { SetMetadata } from '@nestjs/common';
import { EventContract } from '@libs/contracts';

export const CONSUMES_EVENT_META = 'revenue:consumes-event';

export interface ConsumedEvent {
  contract: EventContract<unknown>;
  /**
   * Names a second consumer of the same event in one service (its own durable and inbox rows,
   * so each consumer sees every event, in its own transactions); omitted, the handler is the
   * service's one consumer of that event. A service has one handler per consumer of an event.
   */
  consumer?: string;
  /** Events handled in one transaction at most; 1 for a handler of one event at a time. */
  maxBatch: number;
  /** The handler takes an array of events (else one event). */
  batched: boolean;
  /** Transactions at once; above 1, batches may commit out of delivery order. */
  inFlight: number;
}

/**
 * Marks a method as the durable, idempotent consumer of one event: the one handler of that event
 * in the service, which calls each of the event's effects in turn. It is called as
 * `(event: EventEnvelope<Data>, tx: EntityManager)` inside the transaction that also records the
 * event in the inbox, so a duplicate delivery changes nothing, and the effects commit together or
 * not at all.
 */
export const ConsumesEvent = <Data>(contract: EventContract<Data>, options: { consumer?: string } = {}) =>
  SetMetadata<string, ConsumedEvent>(CONSUMES_EVENT_META, {
    contract: contract as EventContract<unknown>,
    consumer: options.consumer,
    maxBatch: 1,
    batched: false,
    inFlight: 1,
  });

/**
 * Like {@link ConsumesEvent}, for a consumer that gains from handling several events at once:
 * called as `(events: EventEnvelope<Data>[], tx: EntityManager)` with up to `maxBatch` of the
 * events already delivered, in one transaction that records one inbox row per event (events
 * recorded before are left out). When that transaction fails, each of its events is handled
 * again alone, so one bad event is retried and dead-lettered by itself and holds no other back.
 * With `inFlight` above 1, that many batches are handled at once (one preparing while another
 * waits on the database), for handlers whose effects do not depend on the order of events.
 */
export const ConsumesEventsInBatches = <Data>(
  contract: EventContract<Data>,
  options: { maxBatch: number; inFlight?: number; consumer?: string },
) =>
  SetMetadata<string, ConsumedEvent>(CONSUMES_EVENT_META, {
    contract: contract as EventContract<unknown>,
    consumer: options.consumer,
    maxBatch: options.maxBatch,
    batched: true,
    inFlight: options.inFlight ?? 1,
  });
