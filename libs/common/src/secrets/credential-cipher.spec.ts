import { createCipheriv, randomBytes } from 'node:crypto';
import { CredentialCipher } from './credential-cipher';

const TENANT_A = '0b1e5a1e-0000-4000-8000-00000000000a';
const TENANT_B = '0b1e5a1e-0000-4000-8000-00000000000b';
const newKey = () => randomBytes(32).toString('base64');

/** A secret as sealed before key ids and agency binding: `iv | tag | ciphertext`. */
function sealedTheOldWay(base64Key: string, plain: string, iv = randomBytes(12)): Buffer {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(base64Key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(newKey());

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = cipher.encrypt('sk_test_51Secret', TENANT_A);
    expect(sealed.toString('utf8')).not.toContain('sk_test_51Secret');
    expect(cipher.decrypt(sealed, TENANT_A)).toBe('sk_test_51Secret');
  });

  it('gives two encryptions of one secret different ciphertexts', () => {
    expect(cipher.encrypt('same', TENANT_A).equals(cipher.encrypt('same', TENANT_A))).toBe(false);
  });

  it('refuses a tampered ciphertext or another key', () => {
    const sealed = cipher.encrypt('whsec_abc', TENANT_A);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered, TENANT_A)).toThrow();
    expect(() => new CredentialCipher(newKey()).decrypt(sealed, TENANT_A)).toThrow();
  });

  it("does not open one agency's secret as another agency's", () => {
    const sealed = cipher.encrypt('sk_test_agencyA', TENANT_A);
    expect(() => cipher.decrypt(sealed, TENANT_B)).toThrow();
  });

  it('seals with the first key of a list, opens with every key, and names the key that sealed', () => {
    const [oldKey, currentKey] = [newKey(), newKey()];
    const before = new CredentialCipher(`old:${oldKey}`);
    const sealedBefore = before.encrypt('sk_test_before', TENANT_A);
    const rotated = new CredentialCipher(`new:${currentKey},old:${oldKey}`);
    expect(rotated.decrypt(sealedBefore, TENANT_A)).toBe('sk_test_before');
    expect(rotated.needsResealing(sealedBefore)).toBe(true);
    const sealedAfter = rotated.encrypt('sk_test_after', TENANT_A);
    expect(rotated.needsResealing(sealedAfter)).toBe(false);
    expect(sealedAfter.includes(Buffer.from('new'))).toBe(true);
    expect(() => before.decrypt(sealedAfter, TENANT_A)).toThrow();
  });

  it('opens secrets sealed by a single key after that key joins a list under a name', () => {
    const oldKey = newKey();
    const sealed = new CredentialCipher(oldKey).encrypt('sk_test_single', TENANT_A);
    expect(new CredentialCipher(`new:${newKey()},old:${oldKey}`).decrypt(sealed, TENANT_A)).toBe('sk_test_single');
  });

  it('opens secrets sealed before key ids, and asks for them to be sealed again', () => {
    const key = newKey();
    const legacy = sealedTheOldWay(key, 'sk_test_legacy');
    const rotated = new CredentialCipher(`new:${newKey()},old:${key}`);
    expect(rotated.decrypt(legacy, TENANT_A)).toBe('sk_test_legacy');
    expect(rotated.needsResealing(legacy)).toBe(true);
  });

  it('opens a legacy secret whose random IV happens to begin like the marker of a named key', () => {
    const key = newKey();
    // "cc2:" then a key-id length of 2 and an id "k1": what a new secret of key k1 begins with.
    const iv = Buffer.concat([Buffer.from('cc2:', 'ascii'), Buffer.of(2), Buffer.from('k1', 'ascii'), randomBytes(5)]);
    const legacy = sealedTheOldWay(key, 'sk_test_unlucky', iv);
    expect(new CredentialCipher(`k1:${key}`).decrypt(legacy, TENANT_A)).toBe('sk_test_unlucky');
  });

  it('refuses a key list with a short key, a bad id or a repeated id', () => {
    expect(() => new CredentialCipher('a:' + randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => new CredentialCipher(`bad id:${newKey()}`)).toThrow(/key id/);
    const key = newKey();
    expect(() => new CredentialCipher(`a:${key},a:${key}`)).toThrow(/repeat/);
  });
});
