import { newPublishableKey, newSecretKey, parseSecretKey, secretMatches } from './api-key-secret';

describe('secret API keys', () => {
  it('parse back to the prefix they were made with', () => {
    const { prefix, secret } = newSecretKey();
    expect(parseSecretKey(secret)).toEqual({ prefix });
  });

  it('match only their own hash', () => {
    const one = newSecretKey();
    const other = newSecretKey();
    expect(secretMatches(one.secret, one.hash)).toBe(true);
    expect(secretMatches(other.secret, one.hash)).toBe(false);
  });

  it('refuse anything not shaped like a key', () => {
    expect(parseSecretKey('sk_live_abc')).toBeNull();
    expect(parseSecretKey(`pk_${'a'.repeat(12)}_${'b'.repeat(43)}`)).toBeNull();
  });

  it('publishable keys are distinct and not secret keys', () => {
    const a = newPublishableKey();
    expect(a).toMatch(/^pk_[A-Za-z0-9_-]{22}$/);
    expect(newPublishableKey()).not.toBe(a);
    expect(parseSecretKey(a)).toBeNull();
  });
});
