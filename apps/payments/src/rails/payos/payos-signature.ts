import { createHmac, timingSafeEqual } from 'node:crypto';

// payOS signs with HMAC-SHA256 (hex) and the channel's checksum key. Webhooks and API answers sign
// their `data` object: keys sorted, `key=value` joined with '&' (payos.vn/docs, "Kiểm tra dữ liệu
// với signature"). The create request's own signature is the SDK's business (golden-vectors.spec.ts).

/**
 * The string payOS signs for a `data` object. Reading taken from payOS's published PHP and JS
 * samples: null, and the texts 'null' and 'undefined', sign as empty; an array signs as the JSON of
 * its elements, each object's keys sorted; anything else as its text.
 */
export function dataSignedString(data: Readonly<Record<string, unknown>>): string {
  return Object.keys(data)
    .sort()
    .filter((key) => data[key] !== undefined)
    .map((key) => `${key}=${signedValueOf(data[key])}`)
    .join('&');
}

function signedValueOf(value: unknown): string {
  if (value === null || value === 'null' || value === 'undefined') return '';
  if (Array.isArray(value)) return JSON.stringify(value.map((element: unknown) => withSortedKeys(element)));
  // Never sent by payOS inside data; JSON rather than String(), which a hostile object can make throw.
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function withSortedKeys(element: unknown): unknown {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return element;
  const source = element as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .map((key) => [key, source[key]]),
  );
}

export function signPayos(checksumKey: string, signedString: string): string {
  return createHmac('sha256', checksumKey).update(signedString, 'utf8').digest('hex');
}

/** Constant-time comparison of a received hex signature with ours; case of the hex does not matter. */
export function signatureMatches(checksumKey: string, signedString: string, received: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(received)) return false;
  const expected = Buffer.from(signPayos(checksumKey, signedString), 'hex');
  const given = Buffer.from(received, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
