import { randomUUID } from 'node:crypto';
import { MessageHeader } from '@libs/contracts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * How every server of the suite names a request: the caller's `x-request-id` when it is a sane
 * one (so one id follows a request across services and into the logs), else a new one.
 */
export function requestIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = headers[MessageHeader.requestId];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
