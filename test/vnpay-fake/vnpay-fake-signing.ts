import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// The fake's own reading of VNPay's PAY 2.1.0 signatures, written apart from the adapter's so that
// a mistake in one is not copied into the other: HMAC-SHA512 in hex; a URL's vnp_* parameters
// sorted by name and form-encoded (encodeURIComponent, spaces as '+', as VNPay's Node demo does);
// querydr and refund fields joined with '|' in the documented order.

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

export function sameHash(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed form of URL parameters: sorted, each name and value percent-encoded, spaces as '+'. */
export function signedQueryOf(params: Record<string, string>): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  return Object.keys(params)
    .sort()
    .map((name) => `${encode(name)}=${encode(params[name])}`)
    .join('&');
}

export function signedQueryWithHash(secret: string, params: Record<string, string>): string {
  const signed = signedQueryOf(params);
  return `${signed}&vnp_SecureHash=${hmacSha512(secret, signed)}`;
}

/** The vnp_* parameters of a query, less the hash, and whether the hash is right for `secret`. */
export function checkSignedQuery(
  secret: string,
  query: URLSearchParams,
): { params: Record<string, string>; valid: boolean } {
  const params: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name.startsWith('vnp_') && name !== 'vnp_SecureHash' && name !== 'vnp_SecureHashType' && value !== '') {
      params[name] = value;
    }
  }
  const received = query.get('vnp_SecureHash') ?? '';
  return { params, valid: sameHash(hmacSha512(secret, signedQueryOf(params)), received) };
}

// prettier-ignore
export const QUERY_REQUEST = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef',
  'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'];
// prettier-ignore
export const REFUND_REQUEST = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType',
  'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate',
  'vnp_IpAddr', 'vnp_OrderInfo'];
// prettier-ignore
export const REFUND_ANSWER = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode',
  'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType',
  'vnp_TransactionStatus', 'vnp_OrderInfo'];
export const QUERY_ANSWER = [...REFUND_ANSWER, 'vnp_PromotionCode', 'vnp_PromotionAmount'];

export function pipeHash(secret: string, order: string[], fields: Record<string, unknown>): string {
  return hmacSha512(secret, order.map((name) => (fields[name] == null ? '' : String(fields[name]))).join('|'));
}

/** yyyyMMddHHmmss in Vietnam's time (GMT+7, no daylight saving). */
export function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function randomAlphanumerics(length: number): string {
  return Array.from({ length }, () => ALPHANUMERICS[randomInt(ALPHANUMERICS.length)]).join('');
}
