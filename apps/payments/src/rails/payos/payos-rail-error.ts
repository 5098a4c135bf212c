import { APIError, InvalidSignatureError, PayOSError } from '@payos/node';
import { RailRefusedError, RailUnavailableError } from '../rail-http';

const RAIL = 'payos';

/** payOS's "no such payment link" (answered with HTTP 200 and this code, or as a 404). */
export const PAYOS_NOT_FOUND = '101';

/**
 * What an error of the SDK means to the service: payOS did not answer usefully (network, timeout,
 * 5xx, rate limit, an answer whose signature is not payOS's) or it refused what was asked (its
 * code and description: invalid data '20', bad signature '201', duplicate order '231', keys it
 * does not know).
 */
export function payosRailErrorOf(error: unknown): Error {
  if (error instanceof InvalidSignatureError)
    return new RailUnavailableError(RAIL, 'an answer whose signature does not verify');
  if (error instanceof APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    if (status === undefined) return new RailUnavailableError(RAIL, error.message);
    if (status >= 500 || status === 408 || status === 429) return new RailUnavailableError(RAIL, `HTTP ${status}`);
    // code '00' without data: an answer that says nothing.
    if (error.code === '00') return new RailUnavailableError(RAIL, 'a success answer without data');
    const code = typeof error.code === 'string' && error.code !== '' ? error.code : `HTTP ${status}`;
    return new RailRefusedError(RAIL, code, typeof error.desc === 'string' ? error.desc : error.message);
  }
  if (error instanceof PayOSError) return new RailUnavailableError(RAIL, error.message);
  // The SDK lets fetch's and JSON.parse's own errors through (an answer that is not JSON).
  return new RailUnavailableError(RAIL, error instanceof Error ? error.message : String(error));
}

/** The payOS code of a refusal, to tell "no such link" from other refusals. */
export function isPayosNotFound(error: unknown): boolean {
  return error instanceof APIError && (error.status === 404 || error.code === PAYOS_NOT_FOUND);
}
