import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';

export interface SigningKey {
  id: string;
  secret: Buffer;
}

const MAC_BYTES = 16;

/**
 * `<payload>.<key id>.<mac>`: base64url JSON signed with HMAC-SHA256 (128-bit tag) under one of
 * several keys. The first key signs; all verify, so a key can be rotated out without logging
 * anyone out. `purpose` separates token kinds: a meter token is never a reader token.
 */
export class SignedTokens {
  // Key objects, made once: preparing a raw key costs more than the MAC itself, per call.
  private readonly keys: Map<string, KeyObject>;
  private readonly signingId: string;
  private readonly signingKey: KeyObject;

  constructor(keys: SigningKey[]) {
    if (keys.length === 0) throw new Error('at least one signing key');
    this.keys = new Map(keys.map((key) => [key.id, createSecretKey(key.secret)]));
    this.signingId = keys[0].id;
    this.signingKey = this.keys.get(this.signingId)!;
  }

  sign(purpose: string, body: object): string {
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.signingId}.${this.mac(purpose, payload, this.signingId, this.signingKey).toString('base64url')}`;
  }

  /** The body, or null for anything malformed, signed with an unknown key, or tampered with. */
  verify(purpose: string, token: string): unknown {
    const [payload, keyId, mac, extra] = token.split('.');
    if (extra !== undefined || !payload || !keyId || !mac) return null;
    const secret = this.keys.get(keyId);
    if (!secret) return null;
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(purpose, payload, keyId, secret))) return null;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    } catch {
      return null;
    }
  }

  private mac(purpose: string, payload: string, keyId: string, secret: KeyObject): Buffer {
    return createHmac('sha256', secret).update(`${purpose}.${keyId}.${payload}`).digest().subarray(0, MAC_BYTES);
  }
}

/** `PAYWALL_TOKEN_KEYS`: `id:base64secret` pairs, comma-separated, the signing key first. */
export function parseSigningKeys(text: string): SigningKey[] {
  return text.split(',').map((pair) => {
    const [id, secret] = pair.split(':');
    return { id, secret: Buffer.from(secret, 'base64') };
  });
}
