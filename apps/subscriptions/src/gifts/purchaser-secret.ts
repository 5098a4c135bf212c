import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret answered to whoever opens a gift checkout (32 random bytes, base64url), and the
 * SHA-256 (hex) kept of it: only its holder is shown the claim code.
 */
export function newPurchaserSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: digestOf(secret) };
}

export function purchaserSecretMatches(secret: string, hash: string | null): boolean {
  return hash !== null && timingSafeEqual(Buffer.from(digestOf(secret), 'hex'), Buffer.from(hash, 'hex'));
}

function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
