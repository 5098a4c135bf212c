import type { ServedCreative } from '@libs/contracts';
import { AdPage, decideAds, LineCandidate, UnitToFill } from './decide-ads';

const creative = (size: string, id = `c-${size}`): ServedCreative => ({
  creativeId: id,
  kind: 'image',
  size,
  clickUrl: 'https://example.vn',
  headline: null,
  label: null,
  tag: null,
  sha256: 'ab',
  contentType: 'image/png',
});

const line = (id: string, changes: Partial<LineCandidate> = {}): LineCandidate => ({
  orderId: `o-${id}`,
  orderStatus: 'live',
  lineId: id,
  adUnitId: `unit-of-${id}`,
  advertiserId: `a-${id}`,
  category: `cat-${id}`,
  pricingModel: 'cpm',
  flightStart: '2027-02-01',
  flightEnd: '2027-02-10',
  impressionsPerDay: 1000,
  targeting: {},
  creatives: [creative('728x90')],
  ...changes,
});

const unit = (code: string, lines: LineCandidate[], sizes = ['728x90']): UnitToFill => ({ code, sizes, lines });
const PAGE: AdPage = { today: '2027-02-05', section: 'thoi-su', device: 'mobile' };
const first = () => 0;
const served = (units: UnitToFill[], page = PAGE, delivered?: (id: string) => number) =>
  decideAds(units, page, { random: first, deliveredToday: delivered }).map((u) => u.choice?.line.lineId ?? null);

describe('decideAds', () => {
  it.each<[string, Partial<LineCandidate>, boolean]>([
    ['a live line in flight with an approved creative', {}, true],
    ['an approved order not yet live', { orderStatus: 'approved' }, false],
    ['a canceled order', { orderStatus: 'canceled' }, false],
    ['a flight that ended yesterday', { flightEnd: '2027-02-04' }, false],
    ['a flight that begins tomorrow', { flightStart: '2027-02-06' }, false],
    ['a flight of today only', { flightStart: '2027-02-05', flightEnd: '2027-02-05' }, true],
    ['no approved creative', { creatives: [] }, false],
    ['a creative of a size the unit does not take', { creatives: [creative('300x250')] }, false],
    ['targeted at this section', { targeting: { sections: ['thoi-su', 'kinh-te'] } }, true],
    ['targeted at another section', { targeting: { sections: ['the-thao'] } }, false],
    ['targeted at this device', { targeting: { devices: ['mobile'] } }, true],
    ['targeted at another device', { targeting: { devices: ['desktop'] } }, false],
    ['targeted by country (not evaluated yet)', { targeting: { countries: ['VN'] } }, false],
    ['targeted at subscribers (not evaluated yet)', { targeting: { subscriberStatus: 'subscribers' } }, false],
    ['for any subscriber status', { targeting: { subscriberStatus: 'any' } }, true],
  ])('%s: served %s', (_case, changes, expected) => {
    expect(served([unit('top', [line('l', changes)])])).toEqual([expected ? 'l' : null]);
  });

  it('does not serve a section-targeted line on a page that names no section', () => {
    expect(served([unit('top', [line('l', { targeting: { sections: ['thoi-su'] } })])], { today: PAGE.today })).toEqual(
      [null],
    );
  });

  it.each<[string, LineCandidate[], (id: string) => number, string]>([
    ['a sponsorship over a guaranteed line', [line('g'), line('s', { pricingModel: 'sponsorship' })], () => 0, 's'],
    ['priority 1 over priority 2', [line('p2', { priority: 2 }), line('p1', { priority: 1 })], () => 0, 'p1'],
    ['a line with a priority over one without', [line('none'), line('p', { priority: 5 })], () => 0, 'p'],
    [
      'the line furthest behind its goal',
      [line('ahead'), line('behind')],
      (id) => (id === 'ahead' ? 900 : 100),
      'behind',
    ],
  ])('prefers %s', (_case, lines, delivered, expected) => {
    expect(served([unit('top', lines)], PAGE, delivered)).toEqual([expected]);
  });

  it('never shows one advertiser twice on a page', () => {
    const a1 = line('a1', { advertiserId: 'a' });
    const a2 = line('a2', { advertiserId: 'a', category: 'other' });
    const b = line('b');
    expect(served([unit('top', [a1]), unit('side', [a2, b])])).toEqual(['a1', 'b']);
  });

  it('never shows two advertisers of one category on a page', () => {
    const bank1 = line('bank1', { category: 'banking' });
    const bank2 = line('bank2', { category: 'banking' });
    expect(served([unit('top', [bank1]), unit('side', [bank2])])).toEqual(['bank1', null]);
  });

  it("lets a sponsorship on a later unit keep its advertiser's category from an earlier unit's guaranteed line", () => {
    const guaranteed = line('g', { category: 'telecom' });
    const sponsor = line('s', { category: 'telecom', pricingModel: 'sponsorship' });
    expect(served([unit('top', [guaranteed]), unit('side', [sponsor])])).toEqual([null, 's']);
  });

  it('answers every unit asked for, in order, nothing where no line serves', () => {
    expect(decideAds([unit('a', []), unit('b', [line('l')])], PAGE, { random: first }).map((u) => u.unit)).toEqual([
      'a',
      'b',
    ]);
  });

  it('takes a creative of a size the unit accepts, a fluid unit any but native', () => {
    const l = line('l', { creatives: [creative('native'), creative('300x250')] });
    expect(decideAds([unit('f', [l], ['fluid'])], PAGE, { random: first })[0].choice?.creative.size).toBe('300x250');
  });

  it('breaks ties with the random source it is given, and only with it', () => {
    const lines = [line('x'), line('y'), line('z')];
    const pick = (r: number) => decideAds([unit('top', lines)], PAGE, { random: () => r })[0].choice?.line.lineId;
    expect(pick(0.1)).toBe(pick(0.1));
    expect(new Set([0, 0.4, 0.99].map(pick)).size).toBeGreaterThan(1);
  });
});
