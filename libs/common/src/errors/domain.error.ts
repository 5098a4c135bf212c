import { FieldError, RpcErrorCode } from '@libs/contracts';

/**
 * A refusal that belongs to the domain (not found, conflict, invalid). Services throw these and
 * never HTTP exceptions; the error filter turns them into an RPC error body or problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** When to try again, in seconds, for a refusal that only means "busy now". */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(RpcErrorCode.NotFound, id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[]) {
    super(RpcErrorCode.ValidationFailed, `invalid ${errors.map((e) => e.field).join(', ')}`, errors);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(RpcErrorCode.Conflict, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'not allowed for this principal') {
    super(RpcErrorCode.Forbidden, message);
  }
}

/** Busy for now (a queue is full): answered 503 with Retry-After, nothing changed. */
export class UnavailableError extends DomainError {
  constructor(message: string, retryAfterS: number) {
    super(RpcErrorCode.Unavailable, message, undefined, retryAfterS);
  }
}
