import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62 characters, the body of Stripe's ids. */
export function randomToken(length: number, alphabet = ALPHABET): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** An id with Stripe's prefix for the object: `prod_`, `price_`, `cus_`, `cs_test_`, `sub_`, ... */
export function newStripeId(prefix: string, length = 24): string {
  return `${prefix}${randomToken(length)}`;
}
