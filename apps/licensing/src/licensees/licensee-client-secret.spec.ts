import { clientSecretMatches, newClientId, newClientSecret } from './licensee-client-secret';

describe('licensee client credentials', () => {
  it('issues a public client id and a 256-bit secret kept only as its hash', () => {
    expect(newClientId()).toMatch(/^lic_[0-9a-f]{24}$/);
    const { secret, hash } = newClientSecret();
    expect(secret).toMatch(/^lcs_[A-Za-z0-9_-]{43}$/);
    expect(hash).toHaveLength(32);
    expect(hash.toString('utf8')).not.toContain(secret.slice(4));
  });

  it('matches the secret it issued, and no other', () => {
    const issued = newClientSecret();
    const other = newClientSecret();
    expect(clientSecretMatches(issued.secret, issued.hash)).toBe(true);
    expect(clientSecretMatches(other.secret, issued.hash)).toBe(false);
    expect(clientSecretMatches(`${issued.secret.slice(0, -1)}x`, issued.hash)).toBe(false);
    expect(clientSecretMatches(issued.secret, null)).toBe(false);
    expect(clientSecretMatches('', issued.hash)).toBe(false);
  });

  it('never issues the same secret or client id twice', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => newClientSecret().secret));
    const ids = new Set(Array.from({ length: 100 }, () => newClientId()));
    expect([secrets.size, ids.size]).toEqual([100, 100]);
  });
});
