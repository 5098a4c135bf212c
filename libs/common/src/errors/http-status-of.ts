import { RpcErrorCode } from '@libs/contracts';

export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}

/** The one place where a domain refusal becomes an HTTP status. */
export function httpStatusOf(code: RpcErrorCode): number {
  switch (code) {
    case RpcErrorCode.ValidationFailed:
      return 400;
    case RpcErrorCode.Forbidden:
      return 403;
    case RpcErrorCode.NotFound:
      return 404;
    case RpcErrorCode.Conflict:
      return 409;
    case RpcErrorCode.Unprocessable:
      return 422;
    case RpcErrorCode.Unavailable:
      return 503;
    case RpcErrorCode.Internal:
      return 500;
    default:
      return assertUnreachable(code);
  }
}
