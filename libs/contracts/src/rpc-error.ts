/**
 * Error codes every service may answer with over NATS. The gateway maps each to an HTTP status
 * in one exhaustive switch; a service adds a code here only together with that mapping.
 */
export enum RpcErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Forbidden = 'forbidden',
  Unprocessable = 'unprocessable',
  /** Busy for now (a queue is full): the caller may try again after `retryAfterS`. */
  Unavailable = 'unavailable',
  Internal = 'internal',
}

export interface FieldError {
  field: string;
  message: string;
}

/** What a service answers instead of a result when it refuses a request. */
export interface RpcErrorBody {
  code: RpcErrorCode;
  message: string;
  errors?: FieldError[];
  /** With `unavailable`: when to try again, in seconds. */
  retryAfterS?: number;
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorBody).code === 'string' &&
    Object.values(RpcErrorCode).includes((value as RpcErrorBody).code) &&
    typeof (value as RpcErrorBody).message === 'string'
  );
}
