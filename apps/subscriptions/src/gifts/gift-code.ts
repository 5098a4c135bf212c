import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 16;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{16}$/;

export interface NewGiftCode {
  /** `GIFT-XXXX-XXXX-XXXX-XXXX`: shown once, to whoever bought the gift. */
  code: string;
  hash: Buffer;
  last4: string;
}

/**
 * 80 random bits as 16 base32 symbols. At that entropy a plain SHA-256 is enough at rest: no one
 * can enumerate codes, with or without the hashes.
 */
export function newGiftCode(): NewGiftCode {
  let bits = BigInt(`0x${randomBytes(10).toString('hex')}`);
  let symbols = '';
  for (let i = 0; i < SYMBOLS; i++) {
    symbols = ALPHABET[Number(bits & 31n)] + symbols;
    bits >>= 5n;
  }
  return { code: formatGiftCode(symbols), hash: hashGiftCode(symbols), last4: symbols.slice(-4) };
}

/**
 * The 16 symbols of a code as a reader may type it: any case, dashes and spaces anywhere, with
 * or without `GIFT`, and I/L read as 1, O as 0. Null when it cannot be a gift code.
 */
export function canonicalGiftCode(input: string): string | null {
  let text = input.toUpperCase().replace(/[\s-]/g, '');
  if (text.length === SYMBOLS + 4 && text.startsWith('GIFT')) text = text.slice(4);
  if (text.length !== SYMBOLS) return null;
  text = text.replace(/[IL]/g, '1').replace(/O/g, '0');
  return CANONICAL.test(text) ? text : null;
}

export function formatGiftCode(canonical: string): string {
  return `GIFT-${canonical.match(/.{4}/g)!.join('-')}`;
}

export function hashGiftCode(canonical: string): Buffer {
  return createHash('sha256').update(canonical).digest();
}
