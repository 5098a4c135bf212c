import { parseSigningKeys, SignedTokens } from '@libs/common';
import { CapTokens } from './cap-tokens';
import { CAP_TOKEN_MAX_LINES, capKeyOf, cappedOut, countServed, NO_CAP_COUNTS } from './frequency-caps';

const KEYS = parseSigningKeys(`k1:${Buffer.alloc(32, 7).toString('base64')}`);
const AGENCY = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const NOW = 1_800_000_000;
const HOUR = 3600;
const LINE = capKeyOf('0d2f6a1c-93b7-4e61-9c55-1f0e8a7b3c21');
const TWICE_A_DAY = { impressions: 2, hours: 24 };

describe('frequency caps', () => {
  const tokens = new CapTokens(new SignedTokens(KEYS));

  it('caps a line once the reader was served it as often as allowed in its window, and frees it when the window ends', () => {
    const once = countServed(NO_CAP_COUNTS, [{ capKey: LINE, cap: TWICE_A_DAY }], NOW);
    expect(cappedOut(once, LINE, TWICE_A_DAY, NOW + 60)).toBe(false);
    const twice = countServed(once, [{ capKey: LINE, cap: TWICE_A_DAY }], NOW + 60);
    expect(twice.get(LINE)).toEqual({ count: 2, until: NOW + 24 * HOUR });
    expect(cappedOut(twice, LINE, TWICE_A_DAY, NOW + 23 * HOUR)).toBe(true);
    expect(cappedOut(twice, LINE, TWICE_A_DAY, NOW + 24 * HOUR)).toBe(false);
    const anew = countServed(twice, [{ capKey: LINE, cap: TWICE_A_DAY }], NOW + 25 * HOUR);
    expect(anew.get(LINE)).toEqual({ count: 1, until: NOW + 49 * HOUR });
  });

  it('carries the counts in a token read back only for its agency, expired windows dropped', () => {
    const other = capKeyOf('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    const counts = countServed(
      NO_CAP_COUNTS,
      [
        { capKey: LINE, cap: TWICE_A_DAY },
        { capKey: other, cap: { impressions: 5, hours: 1 } },
      ],
      NOW,
    );
    const token = tokens.issue(AGENCY, counts);
    expect(tokens.read(token, AGENCY, NOW + 10)).toEqual(counts);
    expect([...tokens.read(token, AGENCY, NOW + 2 * HOUR).keys()]).toEqual([LINE]);
    expect(tokens.read(token, OTHER, NOW + 10)).toEqual(NO_CAP_COUNTS);
  });

  it('reads a forged, tampered, foreign-signed or malformed token as no counts', () => {
    const token = tokens.issue(AGENCY, countServed(NO_CAP_COUNTS, [{ capKey: LINE, cap: TWICE_A_DAY }], NOW));
    const [payload, keyId, mac] = token.split('.');
    const stranger = new CapTokens(new SignedTokens(parseSigningKeys(`k1:${Buffer.alloc(32, 9).toString('base64')}`)));
    for (const bad of [
      `${payload}A.${keyId}.${mac}`,
      `${payload}.${keyId}.${mac.slice(0, -2)}AA`,
      stranger.issue(AGENCY, new Map([[LINE, { count: 0, until: NOW + HOUR }]])),
      'not-a-token',
      '',
    ])
      expect(tokens.read(bad, AGENCY, NOW)).toEqual(NO_CAP_COUNTS);
  });

  it(`keeps at most ${CAP_TOKEN_MAX_LINES} lines, those whose windows end last`, () => {
    const served = Array.from({ length: CAP_TOKEN_MAX_LINES + 5 }, (_, i) => ({
      capKey: i + 1,
      cap: { impressions: 1, hours: i + 1 },
    }));
    const counts = countServed(NO_CAP_COUNTS, served, NOW);
    expect(counts.size).toBe(CAP_TOKEN_MAX_LINES);
    expect(counts.has(served[0].capKey)).toBe(false);
    expect(counts.has(served[served.length - 1].capKey)).toBe(true);
    expect(tokens.read(tokens.issue(AGENCY, counts), AGENCY, NOW).size).toBe(CAP_TOKEN_MAX_LINES);
    expect(tokens.issue(AGENCY, counts).length).toBeLessThan(700);
  });
});
