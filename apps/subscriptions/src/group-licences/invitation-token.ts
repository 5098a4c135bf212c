import { createHash, randomBytes } from 'node:crypto';

/** `ginv_` and 256 random bits: shown once to whoever invites, stored only as a SHA-256 hash. */
export function newInvitationToken(): { token: string; hash: Buffer } {
  const token = `ginv_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
