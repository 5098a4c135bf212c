import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * MoMo AIO v2 signs every message with HMAC-SHA256 (hex, lowercase) under the partner's secret key,
 * over `key1=value1&key2=value2…`. Each operation's reference page lists its keys; in v2 every list
 * is sorted a-z ("a String sort all key name of data field from a-z"), but we never sort at run
 * time: each operation keeps its documented list literally, so a field added to a body can never
 * slip into (or out of) the signed string unnoticed. Values go in raw: no URL-encoding, no trimming.
 */
export type MomoSignedFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** The string MoMo signs: the listed keys in the listed order, each `key=value`, joined by `&`. */
export function momoRawSignature(fields: MomoSignedFields, order: readonly string[]): string {
  return order
    .map((key) => {
      const value = fields[key];
      if (value === undefined) throw new Error(`MoMo signature: field ${key} missing`);
      return `${key}=${String(value)}`;
    })
    .join('&');
}

export function signMomo(fields: MomoSignedFields, order: readonly string[], secretKey: string): string {
  return createHmac('sha256', secretKey).update(momoRawSignature(fields, order), 'utf8').digest('hex');
}

/** Constant-time comparison of the received signature with ours; a malformed one is refused. */
export function isMomoSignatureValid(
  fields: MomoSignedFields,
  order: readonly string[],
  secretKey: string,
  received: unknown,
): boolean {
  if (typeof received !== 'string' || !/^[0-9a-f]{64}$/i.test(received)) return false;
  const expected = Buffer.from(signMomo(fields, order, secretKey), 'hex');
  const given = Buffer.from(received, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
