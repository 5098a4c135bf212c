import { createHmac } from 'node:crypto';

// The fake's own reading of payOS's signatures, written apart from the adapter's so that a
// mistake in one is caught by the other: HMAC-SHA256 in hex with the channel's checksum key.

const CREATE_FIELDS = ['amount', 'cancelUrl', 'description', 'orderCode', 'returnUrl'] as const;

/** The signature payOS expects on a create-payment-link request, over its five documented fields. */
export function createRequestSignature(checksumKey: string, body: Record<string, unknown>): string {
  const text = CREATE_FIELDS.map((field) => `${field}=${String(body[field])}`).join('&');
  return hmacHex(checksumKey, text);
}

/** The signature payOS puts on a `data` object (webhook bodies, API answers). */
export function dataSignature(checksumKey: string, data: Record<string, unknown>): string {
  const pairs = Object.entries(data)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${textOf(value)}`);
  return hmacHex(checksumKey, pairs.join('&'));
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return JSON.stringify(value.map(sortedCopy));
  return `${value as string | number | boolean}`;
}

function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function hmacHex(key: string, text: string): string {
  return createHmac('sha256', key).update(Buffer.from(text, 'utf8')).digest('hex');
}
