import { RailRefusedError, RailUnavailableError } from '../rail-http';
import { apiResponseMeaning } from './vnpay-response-codes';

// Answers that say our request itself is wrong (terminal unknown, bad format, bad checksum): VNPay
// may not sign them (it cannot, for a terminal it does not know), and believing one unsigned is
// harmless, as it states nothing about a payment.
const REQUEST_REFUSED = new Set(['02', '03', '97']);

/** Throws for an answer that is not VNPay's word on the transaction: an HTTP refusal, or a refusal of the request. */
export function throwUnlessAboutTheTransaction(status: number, body: unknown): void {
  const code = responseCodeOf(body);
  if (code !== null && REQUEST_REFUSED.has(code)) {
    throw new RailRefusedError('vnpay', code, apiResponseMeaning(code));
  }
  if (status !== 200) throw new RailRefusedError('vnpay', `HTTP ${status}`, `the transaction API answered ${status}`);
}

export function unverifiedAnswer(reason: string): RailUnavailableError {
  return new RailUnavailableError('vnpay', `an answer that does not verify (${reason})`);
}

function responseCodeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const code = (body as Record<string, unknown>).vnp_ResponseCode;
  return typeof code === 'string' ? code : null;
}
