import { randomBytes } from 'node:crypto';
import { CredentialCipher } from './credential-cipher';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(randomBytes(32).toString('base64'));

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = cipher.encrypt('sk_test_51Secret');
    expect(sealed.toString('utf8')).not.toContain('sk_test_51Secret');
    expect(cipher.decrypt(sealed)).toBe('sk_test_51Secret');
  });

  it('gives two encryptions of one secret different ciphertexts', () => {
    expect(cipher.encrypt('same').equals(cipher.encrypt('same'))).toBe(false);
  });

  it('refuses a tampered ciphertext or another key', () => {
    const sealed = cipher.encrypt('whsec_abc');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new CredentialCipher(randomBytes(32).toString('base64')).decrypt(sealed)).toThrow();
  });
});
