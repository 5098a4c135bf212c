import { createHmac, timingSafeEqual } from 'node:crypto';

// PAY 2.1.0 signs with HMAC-SHA512 (hex) and the terminal's hash secret. The pay URL and its
// callbacks sign the vnp_* parameters sorted by name and form-encoded; querydr and refund sign
// their fields joined with '|' in a documented order (see query-and-refund.ts).

/**
 * The string VNPay signs for a URL: parameters sorted by name, application/x-www-form-urlencoded
 * (space as '+', ':' as %3A, '/' as %2F), as in VNPay's own example URL.
 * Reading taken: VNPay's samples disagree on the encoder (Java URLEncoder and PHP urlencode versus
 * Node's encodeURIComponent with %20 turned into '+'); they differ only on ! ' ( ) * ~, which we
 * never send (order-info.ts refuses them), so the WHATWG form encoder (same as Java's) is used.
 */
export function canonicalQuery(params: Record<string, string>): string {
  const sorted = Object.keys(params)
    .sort()
    .map((name): [string, string] => [name, params[name]]);
  return new URLSearchParams(sorted).toString();
}

export function signVnpay(hashSecret: string, data: string): string {
  return createHmac('sha512', hashSecret).update(data, 'utf8').digest('hex');
}

/** Constant-time comparison of a received hex checksum with ours; case of the hex does not matter. */
export function checksumMatches(hashSecret: string, data: string, received: string): boolean {
  if (!/^[0-9a-fA-F]{128}$/.test(received)) return false;
  const expected = Buffer.from(signVnpay(hashSecret, data), 'hex');
  const given = Buffer.from(received, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
