import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `lic_` and 24 hex digits: public, names the licensee to the licence server. */
export function newClientId(): string {
  return `lic_${randomBytes(12).toString('hex')}`;
}

/**
 * A client secret is `lcs_` and 43 characters of base64url (256 random bits), shown once; the
 * SHA-256 of it is kept and compared in constant time. As for the gateway's API keys, a slow
 * password hash (argon2) adds nothing at this entropy, and would make every token request of the
 * licence server cost a CPU-bound hash any caller can ask for.
 */
export function newClientSecret(): { secret: string; hash: Buffer } {
  const secret = `lcs_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashOf(secret) };
}

/** Whether `secret` is the one whose hash is kept (false when none is). */
export function clientSecretMatches(secret: string, hash: Buffer | null): boolean {
  if (hash === null || !/^lcs_[A-Za-z0-9_-]{43}$/.test(secret)) return false;
  const candidate = hashOf(secret);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

function hashOf(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
