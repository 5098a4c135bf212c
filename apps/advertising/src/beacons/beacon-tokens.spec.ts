import { parseSigningKeys, SignedTokens } from '@libs/common';
import { BeaconTokens, destinationDigestOf } from './beacon-tokens';

const KEYS = 'k1:' + Buffer.alloc(32, 7).toString('base64');
const placement = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  siteId: '22222222-2222-4222-8222-222222222222',
  orderId: '33333333-3333-4333-8333-333333333333',
  lineId: '44444444-4444-4444-8444-444444444444',
  adUnitId: '55555555-5555-4555-8555-555555555555',
  creativeId: '66666666-6666-4666-8666-666666666666',
  clickUrl: 'https://brand.example.vn/landing?utm_source=bao' as string | null,
};
const DECIDED_AT = Date.UTC(2026, 11, 8, 3, 4, 5);

describe('beacon tokens', () => {
  const beacons = new BeaconTokens(new SignedTokens(parseSigningKeys(KEYS)));

  it('carry the placement, the decision time, the article, the reader digest and the destination digest', () => {
    const { beaconId, token } = beacons.issue(
      BeaconTokens.placementOf(placement),
      DECIDED_AT + 678,
      'thoi-su/bai-1.html',
      Buffer.from('0123456789abcdef', 'hex'),
    );
    expect(beacons.open(token)).toEqual({
      beaconId,
      tenantId: placement.tenantId,
      siteId: placement.siteId,
      orderId: placement.orderId,
      lineId: placement.lineId,
      adUnitId: placement.adUnitId,
      creativeId: placement.creativeId,
      articleId: 'thoi-su/bai-1.html',
      readerHash: '0123456789abcdef',
      decidedAt: DECIDED_AT,
      destinationDigest: destinationDigestOf(placement.clickUrl!),
    });
  });

  it('give beacon ids of UUID version 7, in the order of their decisions', () => {
    const fixed = BeaconTokens.placementOf(placement);
    const ids = [0, 1, 1000, DECIDED_AT, DECIDED_AT + 1].map((at) => beacons.issue(fixed, at, '').beaconId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[3].replace('-', '').slice(0, 12)).toBe(DECIDED_AT.toString(16).padStart(12, '0'));
    // a pool's worth of beacons and more: every id its own
    const many = new Set(Array.from({ length: 1000 }, () => beacons.issue(fixed, DECIDED_AT, '').beaconId));
    expect(many.size).toBe(1000);
  });

  it('give every ad its own beacon id, and carry no destination, reader or article when there is none', () => {
    const fixed = BeaconTokens.placementOf({ ...placement, clickUrl: null });
    const first = beacons.issue(fixed, DECIDED_AT, '');
    const second = beacons.issue(fixed, DECIDED_AT, '');
    expect(first.beaconId).not.toBe(second.beaconId);
    expect(beacons.open(first.token)).toMatchObject({
      beaconId: first.beaconId,
      articleId: '',
      readerHash: null,
      destinationDigest: null,
    });
  });

  it.each<[string, (token: string) => string]>([
    ['a changed payload (another line)', (token) => retouched(token, (bytes) => (bytes[80] ^= 1))],
    ['a changed decision time', (token) => retouched(token, (bytes) => (bytes[5] += 1))],
    ['a cut MAC', (token) => token.slice(0, -2)],
    ['an unknown key id', (token) => token.replace('.k1.', '.k9.')],
    ['another key under the same id', (token) => resignedWith('k1:' + Buffer.alloc(32, 8).toString('base64'), token)],
    ['another purpose (a reader token)', (token) => resignedFor('reader', token)],
    ['no token at all', () => ''],
    ['a token with a part too many', (token) => `${token}.x`],
  ])('refuse %s', (_case, forge) => {
    const { token } = beacons.issue(BeaconTokens.placementOf(placement), DECIDED_AT, 'a');
    expect(beacons.open(forge(token))).toBeNull();
    expect(beacons.open(token)).not.toBeNull();
  });

  it('sign another version or unknown flags never as a beacon', () => {
    const signed = new SignedTokens(parseSigningKeys(KEYS));
    const { token } = beacons.issue(BeaconTokens.placementOf(placement), DECIDED_AT, 'a');
    const bytes = signed.open('ad-beacon', token)!;
    for (const change of [(b: Buffer) => (b[0] = 2), (b: Buffer) => (b[1] |= 8)]) {
      const copy = Buffer.from(bytes);
      change(copy);
      expect(beacons.open(signed.seal('ad-beacon', copy))).toBeNull();
    }
    expect(beacons.open(signed.seal('ad-beacon', bytes.subarray(0, 100)))).toBeNull();
  });
});

/** The token with its payload bytes changed and its MAC kept. */
function retouched(token: string, change: (bytes: Buffer) => void): string {
  const [payload, keyId, mac] = token.split('.');
  const bytes = Buffer.from(payload, 'base64url');
  change(bytes);
  return `${bytes.toString('base64url')}.${keyId}.${mac}`;
}

function resignedWith(keys: string, token: string): string {
  return new SignedTokens(parseSigningKeys(keys)).seal('ad-beacon', Buffer.from(token.split('.')[0], 'base64url'));
}

function resignedFor(purpose: string, token: string): string {
  return new SignedTokens(parseSigningKeys(KEYS)).seal(purpose, Buffer.from(token.split('.')[0], 'base64url'));
}
