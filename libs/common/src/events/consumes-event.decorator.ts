import { SetMetadata } from '@nestjs/common';
import { EventContract } from '@libs/contracts';

export const CONSUMES_EVENT_META = 'revenue:consumes-event';

export interface ConsumesEventMeta {
  contract: EventContract<unknown>;
  /**
   * Names a second consumer of the same event in one service (its own durable and inbox rows,
   * so each consumer sees every event); omitted for the service's one consumer of that event.
   */
  consumer?: string;
}

/**
 * Marks a method as the durable, idempotent consumer of one event. It is called as
 * `(event: EventEnvelope<Data>, tx: EntityManager)` inside the transaction that also records the
 * event in the inbox, so a duplicate delivery changes nothing.
 */
export const ConsumesEvent = <Data>(contract: EventContract<Data>, options: { consumer?: string } = {}) =>
  SetMetadata(CONSUMES_EVENT_META, { contract: contract as EventContract<unknown>, consumer: options.consumer } satisfies ConsumesEventMeta);
