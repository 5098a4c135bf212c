import { SetMetadata } from '@nestjs/common';
import { EventContract } from '@libs/contracts';

export const CONSUMES_EVENT_META = 'revenue:consumes-event';

/**
 * Marks a method as the durable, idempotent consumer of one event. It is called as
 * `(event: EventEnvelope<Data>, tx: EntityManager)` inside the transaction that also records the
 * event in the inbox, so a duplicate delivery changes nothing.
 */
export const ConsumesEvent = <Data>(contract: EventContract<Data>) =>
  SetMetadata(CONSUMES_EVENT_META, contract as EventContract<unknown>);
