import { METER_MAX_READS, MeterTokens } from './meter-token';
import { parseSigningKeys, SignedTokens } from './signed-tokens';

const KEY_A = 'k1:' + Buffer.alloc(32, 1).toString('base64');
const KEY_B = 'k2:' + Buffer.alloc(32, 2).toString('base64');
const TENANT = '11111111-1111-4111-8111-111111111111';
const TODAY = 20_785;

const metersWith = (keys: string) => new MeterTokens(new SignedTokens(parseSigningKeys(keys)));
const meter = { tenantId: TENANT, anonymousId: 'anon-1', reads: [{ article: 'abc', section: null, day: TODAY }, { article: 'def', section: 's1', day: TODAY - 1 }] };

describe('anonymous meter tokens', () => {
  const meters = metersWith(KEY_A);

  it('carry the reads back', () => {
    expect(meters.read(meters.issue(meter, TODAY), TENANT)).toEqual(meter);
  });

  it('read as no token when tampered with anywhere', () => {
    const token = meters.issue(meter, TODAY);
    const [payload, keyId, mac] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ v: 1, t: TENANT, a: 'anon-1', r: [] })).toString('base64url');
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
    const asReader = tokens.sign('reader', { v: 1, t: TENANT, a: 'anon-1', r: [] });
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
    const many = { ...meter, reads: Array.from({ length: METER_MAX_READS + 20 }, (_, i) => ({ article: `a${i}`, section: null, day: TODAY })) };
    const old = { ...meter, reads: [{ article: 'old', section: null, day: TODAY - 200 }, ...meter.reads] };
    expect(meters.read(meters.issue(many, TODAY), TENANT)!.reads).toHaveLength(METER_MAX_READS);
    expect(meters.read(meters.issue(many, TODAY), TENANT)!.reads[0].article).toBe('a20');
    expect(meters.read(meters.issue(old, TODAY), TENANT)!.reads.map((r) => r.article)).toEqual(['abc', 'def']);
  });

  it('refuse well-signed bodies of the wrong shape', () => {
    const tokens = new SignedTokens(parseSigningKeys(KEY_A));
    const wrong = tokens.sign('meter', { v: 1, t: TENANT, a: 'anon-1', r: [['x', 'yesterday', '']] });
    expect(new MeterTokens(tokens).read(wrong, TENANT)).toBeNull();
  });
});
