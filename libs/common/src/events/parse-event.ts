import type { MsgHdrs } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EventContract, EventEnvelope, MessageHeader } from '@libs/contracts';
import { toFieldErrors } from '../errors/validation-errors';

/**
 * An event as a consumer may apply it: a well-formed envelope of the contract's subject whose
 * data the contract's class accepts, and whose tenant header (if any) agrees with the envelope.
 * Throws, naming what is wrong, otherwise: no consumer applies an event it has not checked.
 */
export function parseEvent<Data>(
  contract: EventContract<Data>,
  message: { json<T>(): T; subject: string; headers?: MsgHdrs },
): EventEnvelope<Data> {
  if (message.subject !== contract.subject) throw new Error(`subject ${message.subject} is not ${contract.subject}`);
  const envelope = message.json<EventEnvelope<Data>>();
  if (!envelope || typeof envelope.id !== 'string' || typeof envelope.tenantId !== 'string') {
    throw new Error('not an event envelope');
  }
  const headerTenant = message.headers?.get(MessageHeader.tenantId);
  if (headerTenant && headerTenant !== envelope.tenantId) throw new Error('tenant header and envelope disagree');
  const errors = validateSync(plainToInstance(contract.data, envelope.data) as object);
  if (errors.length > 0) throw new Error(`invalid data: ${JSON.stringify(toFieldErrors(errors))}`);
  return envelope;
}
