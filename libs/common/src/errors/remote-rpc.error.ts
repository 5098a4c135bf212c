import { RpcErrorBody } from '@libs/contracts';
import { DomainError } from './domain.error';

/** A refusal that another service answered with, re-thrown on the calling side as is. */
export class RemoteRpcError extends DomainError {
  constructor(
    readonly subject: string,
    body: RpcErrorBody,
  ) {
    super(body.code, body.message, body.errors, body.retryAfterS);
  }
}

/** The service behind a subject did not answer in time, or nobody listens on it. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly subject: string,
    reason: string,
  ) {
    super(`${subject}: ${reason}`);
  }
}
