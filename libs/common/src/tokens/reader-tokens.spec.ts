import { ReaderTokens, VERIFIED_READER_TOKENS_KEPT } from './reader-tokens';
import { parseSigningKeys } from './parse-signing-keys';
import { SignedTokens } from './signed-tokens';

const KEY = 'k1:' + Buffer.alloc(32, 1).toString('base64');
const AGENCY = '11111111-1111-4111-8111-111111111111';
const OTHER_AGENCY = '22222222-2222-4222-8222-222222222222';
const NOW = Date.UTC(2026, 10, 28, 3);
const HOUR = 3_600_000;

describe('reader tokens', () => {
  const signed = new SignedTokens(parseSigningKeys(KEY));

  it('name the reader for their agency only, until they expire, also once remembered', () => {
    const tokens = new ReaderTokens(signed);
    const token = tokens.issue(AGENCY, 'reader:an', new Date(NOW + HOUR));
    for (let use = 0; use < 2; use++) {
      expect(tokens.readerKeyOf(token, AGENCY, NOW)).toBe('reader:an');
      expect(tokens.readerKeyOf(token, OTHER_AGENCY, NOW)).toBeNull();
      expect(tokens.readerKeyOf(token, AGENCY, NOW + HOUR)).toBeNull();
    }
  });

  it('never take a tampered token for a verified one, before or after the real one was used', () => {
    const tokens = new ReaderTokens(signed);
    const token = tokens.issue(AGENCY, 'reader:an', new Date(NOW + HOUR));
    const [payload, keyId, mac] = token.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ v: 1, t: AGENCY, r: 'reader:admin', x: NOW / 1000 + 3600 }),
    ).toString('base64url');
    const forged = `${forgedBody}.${keyId}.${mac}`;
    expect(tokens.readerKeyOf(forged, AGENCY, NOW)).toBeNull();
    expect(tokens.readerKeyOf(token, AGENCY, NOW)).toBe('reader:an');
    expect(tokens.readerKeyOf(forged, AGENCY, NOW)).toBeNull();
    expect(tokens.readerKeyOf(`${payload}.${keyId}.${mac.slice(0, -2)}AA`, AGENCY, NOW)).toBeNull();
  });

  it('keep at most a bounded number of verified tokens, and still verify the forgotten ones', () => {
    const tokens = new ReaderTokens(signed);
    const first = tokens.issue(AGENCY, 'reader:0', new Date(NOW + HOUR));
    expect(tokens.readerKeyOf(first, AGENCY, NOW)).toBe('reader:0');
    for (let i = 1; i <= VERIFIED_READER_TOKENS_KEPT; i++)
      tokens.readerKeyOf(tokens.issue(AGENCY, `reader:${i}`, new Date(NOW + HOUR)), AGENCY, NOW);
    expect(tokens.verifiedCount).toBe(VERIFIED_READER_TOKENS_KEPT);
    expect(tokens.readerKeyOf(first, AGENCY, NOW)).toBe('reader:0');
  });
});
