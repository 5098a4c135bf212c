import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';

export interface SigningKey {
  id: string;
  secret: Buffer;
}

const MAC_BYTES = 16;

/**
 * `<payload>.<key id>.<mac>`: base64url bytes (or JSON) signed with HMAC-SHA256 (128-bit tag) under one of
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

  /** A JSON body, signed. */
  sign(purpose: string, body: object): string {
    return this.seal(purpose, Buffer.from(JSON.stringify(body)));
  }

  /** The JSON body, or null for anything malformed, signed with an unknown key, or tampered with. */
  verify(purpose: string, token: string): unknown {
    const bytes = this.open(purpose, token);
    if (!bytes) return null;
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch {
      return null;
    }
  }

  /** Bytes, signed. `purpose` is part of what is signed, never of the token: it binds a token to a use (and an agency). */
  seal(purpose: string, bytes: Buffer): string {
    const payload = bytes.toString('base64url');
    return `${payload}.${this.signingId}.${this.mac(purpose, payload, this.signingId, this.signingKey).toString('base64url')}`;
  }

  /** The signed bytes, or null for anything malformed, signed with an unknown key, for another purpose, or tampered with. */
  open(purpose: string, token: string): Buffer | null {
    const [payload, keyId, mac, extra] = token.split('.');
    if (extra !== undefined || !payload || !keyId || !mac) return null;
    const secret = this.keys.get(keyId);
    if (!secret) return null;
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(purpose, payload, keyId, secret))) return null;
    return Buffer.from(payload, 'base64url');
  }

  private mac(purpose: string, payload: string, keyId: string, secret: KeyObject): Buffer {
    return createHmac('sha256', secret).update(`${purpose}.${keyId}.${payload}`).digest().subarray(0, MAC_BYTES);
  }
}
