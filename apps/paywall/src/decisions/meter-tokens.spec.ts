import { METER_MAX_READS, MeterTokens } from './meter-tokens';
import { parseSigningKeys, SignedTokens } from '@libs/common';

const KEY_A = 'k1:' + Buffer.alloc(32, 1).toString('base64');
const KEY_B = 'k2:' + Buffer.alloc(32, 2).toString('base64');
const TENANT = '11111111-1111-4111-8111-111111111111';
const TODAY = 20_785;

const metersWith = (keys: string) => new MeterTokens(new SignedTokens(parseSigningKeys(keys)));
/** Meter keys as the paywall makes them: 8 bytes (articles) and 4 bytes (sections), base64url. */
const articleKey = (n: number) => Buffer.alloc(8, n).toString('base64url');
const sectionKey = (n: number) => Buffer.alloc(4, n).toString('base64url');
const meter = {
  tenantId: TENANT,
  anonymousId: 'anon-1',
  reads: [
    { article: articleKey(1), section: null, day: TODAY },
    { article: articleKey(2), section: sectionKey(7), day: TODAY - 1 },
  ],
};

describe('anonymous meter tokens', () => {
  const meters = metersWith(KEY_A);

  it('carry the reads back', () => {
    expect(meters.read(meters.issue(meter, TODAY), TENANT)).toEqual(meter);
  });

  it('read as no token when tampered with anywhere', () => {
    const token = meters.issue(meter, TODAY);
    const [payload, keyId, mac] = token.split('.');
    const forgedBody = Buffer.from([2, 6, ...Buffer.from('anon-1')]).toString('base64url');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const bad of [
      `${forgedBody}.${keyId}.${mac}`,
      `${flip(payload, 5)}.${keyId}.${mac}`,
      `${payload}.${keyId}.${flip(mac, 3)}`,
      `${payload}.k9.${mac}`,
      `${payload}.${keyId}`,
      `${token}.extra`,
      'not a token',
      '',
    ]) {
      expect(meters.read(bad, TENANT)).toBeNull();
    }
  });

  it('belong to one agency', () => {
    expect(meters.read(meters.issue(meter, TODAY), '22222222-2222-4222-8222-222222222222')).toBeNull();
  });

  it('are not reader tokens, nor the other way round', () => {
    const tokens = new SignedTokens(parseSigningKeys(KEY_A));
    const asReader = tokens.seal('reader', Buffer.from([2, 6, ...Buffer.from('anon-1')]));
    expect(meters.read(asReader, TENANT)).toBeNull();
    expect(tokens.verify('reader', meters.issue(meter, TODAY))).toBeNull();
  });

  it('survive a key rotation while the old key is still listed, and not after it is gone', () => {
    const before = metersWith(KEY_A).issue(meter, TODAY);
    const rotated = metersWith(`${KEY_B},${KEY_A}`);
    expect(rotated.read(before, TENANT)).toEqual(meter);
    expect(rotated.issue(meter, TODAY).split('.')[1]).toBe('k2');
    expect(metersWith(KEY_B).read(before, TENANT)).toBeNull();
  });

  it('forget reads older than any window and keep at most the newest ones', () => {
    const many = {
      ...meter,
      reads: Array.from({ length: METER_MAX_READS + 20 }, (_, i) => ({
        article: articleKey(i),
        section: null,
        day: TODAY,
      })),
    };
    const old = { ...meter, reads: [{ article: articleKey(99), section: null, day: TODAY - 200 }, ...meter.reads] };
    expect(meters.read(meters.issue(many, TODAY), TENANT)!.reads).toHaveLength(METER_MAX_READS);
    expect(meters.read(meters.issue(many, TODAY), TENANT)!.reads[0].article).toBe(articleKey(20));
    expect(meters.read(meters.issue(old, TODAY), TENANT)!.reads.map((r) => r.article)).toEqual([
      articleKey(1),
      articleKey(2),
    ]);
  });

  it('refuse well-signed bodies of the wrong shape', () => {
    const tokens = new SignedTokens(parseSigningKeys(KEY_A));
    const purpose = `meter.${TENANT}`;
    const valid = Buffer.from([2, 6, ...Buffer.from('anon-1'), ...Buffer.alloc(16, 1)]);
    expect(new MeterTokens(tokens).read(tokens.seal(purpose, valid), TENANT)).not.toBeNull();
    for (const wrong of [
      valid.subarray(0, valid.length - 3),
      Buffer.from([1, ...valid.subarray(1)]),
      Buffer.from([2, 0]),
      Buffer.from([2, 200, 1, 2]),
    ]) {
      expect(new MeterTokens(tokens).read(tokens.seal(purpose, wrong), TENANT)).toBeNull();
    }
  });

  it('stay small: five reads fit in under 170 characters', () => {
    const five = {
      ...meter,
      anonymousId: 'x'.repeat(22),
      reads: Array.from({ length: 5 }, (_, i) => ({ article: articleKey(i), section: sectionKey(i), day: TODAY })),
    };
    expect(meters.issue(five, TODAY).length).toBeLessThan(170);
  });
});
