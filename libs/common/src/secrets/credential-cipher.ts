import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Marks a sealed secret that names its key and is bound to its agency (a legacy one begins with its random IV). */
const MAGIC = Buffer.from('cc2:', 'ascii');
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

interface CredentialKey {
  id: string;
  key: Buffer;
}

/**
 * AES-256-GCM for agencies' secrets at rest: `cc2: | key id length (1) | key id | iv (12) | tag (16)
 * | ciphertext`, with the agency's id as additional authenticated data, so a sealed secret copied
 * to another agency's row does not open, and the key id says which key opens it.
 *
 * `CREDENTIALS_KEY` is one key (base64; its id is derived from it) or a list `kid:base64,kid2:base64`:
 * the first seals, every one opens. Secrets sealed before key ids (`iv | tag | ciphertext`, no
 * agency bound) still open with any listed key; `needsResealing` tells a caller to seal them again.
 */
export class CredentialCipher {
  private readonly keys: CredentialKey[];

  constructor(keyList: string) {
    this.keys = parseKeyList(keyList);
  }

  /** The id of the key that seals. */
  get currentKeyId(): string {
    return this.keys[0].id;
  }

  encrypt(plain: string, tenantId: string): Buffer {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(tenantId, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const keyId = Buffer.from(id, 'ascii');
    return Buffer.concat([MAGIC, Buffer.of(keyId.length), keyId, iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer, tenantId: string): string {
    const keyId = keyIdOf(sealed);
    if (keyId === null) return this.openWithAny(sealed, null);
    const body = sealed.subarray(MAGIC.length + 1 + keyId.length);
    const named = this.keys.find((candidate) => candidate.id === keyId);
    try {
      // A key listed under another name than it sealed with (a single key's derived id, renamed in a list) still opens.
      return named ? open(named.key, body, tenantId) : this.openWithAny(body, tenantId);
    } catch (error) {
      // A legacy secret whose random IV happens to begin like the marker (about 1 in 2^32).
      try {
        return this.openWithAny(sealed, null);
      } catch {
        throw error;
      }
    }
  }

  /** Whether the secret was sealed by another key than the current one, or before keys had ids. */
  needsResealing(sealed: Buffer): boolean {
    return keyIdOf(sealed) !== this.currentKeyId;
  }

  private openWithAny(ivTagBody: Buffer, tenantId: string | null): string {
    let failure: unknown;
    for (const { key } of this.keys) {
      try {
        return open(key, ivTagBody, tenantId);
      } catch (error) {
        failure = error;
      }
    }
    throw failure as Error;
  }
}

function open(key: Buffer, ivTagBody: Buffer, tenantId: string | null): string {
  const decipher = createDecipheriv('aes-256-gcm', key, ivTagBody.subarray(0, 12));
  if (tenantId !== null) decipher.setAAD(Buffer.from(tenantId, 'utf8'));
  decipher.setAuthTag(ivTagBody.subarray(12, 28));
  return Buffer.concat([decipher.update(ivTagBody.subarray(28)), decipher.final()]).toString('utf8');
}

/** The key id a sealed secret names, or null for one sealed before key ids. */
function keyIdOf(sealed: Buffer): string | null {
  if (sealed.length < MAGIC.length + 2 || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const length = sealed[MAGIC.length];
  const keyId = sealed.subarray(MAGIC.length + 1, MAGIC.length + 1 + length).toString('ascii');
  return KEY_ID.test(keyId) ? keyId : null;
}

/** `base64` (one key, id derived from it) or `kid:base64,kid2:base64`; each key 32 bytes, ids distinct. */
function parseKeyList(keyList: string): CredentialKey[] {
  const keys = keyList.split(',').map((entry) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? null : entry.slice(0, colon);
    const key = Buffer.from(colon < 0 ? entry : entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new Error('CREDENTIALS_KEY: each key must decode to 32 bytes');
    if (id !== null && !KEY_ID.test(id)) throw new Error('CREDENTIALS_KEY: a key id is 1-32 letters, digits, - or _');
    return { id: id ?? `k${createHash('sha256').update(key).digest('hex').slice(0, 8)}`, key };
  });
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new Error('CREDENTIALS_KEY: key ids repeat');
  return keys;
}
