import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secret keys look like `sk_<12 hex prefix>_<43 chars of base64url secret>`: the prefix finds the
 * row, the secret (256 bits) is compared by SHA-256 in constant time. A slow password hash adds
 * nothing for secrets of this entropy and would cost every request.
 */
export function newSecretKey(): { prefix: string; secret: string; hash: Buffer } {
  const prefix = randomBytes(6).toString('hex');
  const secretPart = randomBytes(32).toString('base64url');
  const secret = `sk_${prefix}_${secretPart}`;
  return { prefix, secret, hash: hashSecret(secret) };
}

export function parseSecretKey(value: string): { prefix: string } | null {
  const match = /^sk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(value);
  return match ? { prefix: match[1] } : null;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, hash: Buffer): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

/** Publishable site keys are not secret; they only say which site a reader's call is for. */
export function newPublishableKey(): string {
  return `pk_${randomBytes(16).toString('base64url')}`;
}
