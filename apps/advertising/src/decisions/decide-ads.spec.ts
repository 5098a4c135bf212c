import type { ServedCreative } from '@libs/contracts';
import { AdPage, decideAds, DecideAdsOptions, LineCandidate, UnitChoice, UnitToFill } from './decide-ads';

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
  priority: null,
  frequencyCap: null,
  roadblockId: null,
  creatives: [creative('728x90')],
  ...changes,
});

const unit = (code: string, lines: LineCandidate[], changes: Partial<UnitToFill> = {}): UnitToFill => ({
  code,
  sizes: ['728x90'],
  lines,
  houseCreatives: [],
  passbackTag: null,
  ...changes,
});
const PAGE: AdPage = {
  today: '2027-02-05',
  hour: 20,
  section: 'thoi-su',
  device: 'mobile',
  country: 'VN',
  reader: 'non-subscriber',
  subscriberMaxUnits: null,
};
const first = () => 0;
const decide = (units: UnitToFill[], page: Partial<AdPage> = {}, options: Partial<DecideAdsOptions> = {}) =>
  decideAds(units, { ...PAGE, ...page }, { random: first, ...options });
/** What each unit shows: a line's id, `house:<creative>`, `passback`, or null. */
const shown = (choices: UnitChoice[]) =>
  choices.map((c) =>
    c.fill === 'line'
      ? c.line!.lineId
      : c.fill === 'house'
        ? `house:${c.creative!.creativeId}`
        : c.fill === 'passback'
          ? 'passback'
          : null,
  );
const served = (units: UnitToFill[], page: Partial<AdPage> = {}, options: Partial<DecideAdsOptions> = {}) =>
  shown(decide(units, page, options));

describe('decideAds', () => {
  it.each<[string, boolean, Partial<LineCandidate>, Partial<AdPage>]>([
    ['a live line in flight with an approved creative', true, {}, {}],
    ['an approved order not yet live', false, { orderStatus: 'approved' }, {}],
    ['a canceled order', false, { orderStatus: 'canceled' }, {}],
    ['a flight that ended yesterday', false, { flightEnd: '2027-02-04' }, {}],
    ['a flight that begins tomorrow', false, { flightStart: '2027-02-06' }, {}],
    ['a flight of today only', true, { flightStart: '2027-02-05', flightEnd: '2027-02-05' }, {}],
    ['no approved creative', false, { creatives: [] }, {}],
    ['a creative of a size the unit does not take', false, { creatives: [creative('300x250')] }, {}],
    ['targeted at this section', true, { targeting: { sections: ['thoi-su', 'kinh-te'] } }, {}],
    ['targeted at another section', false, { targeting: { sections: ['the-thao'] } }, {}],
    [
      'targeted at a section, on a page naming none',
      false,
      { targeting: { sections: ['thoi-su'] } },
      { section: undefined },
    ],
    ['targeted at this device', true, { targeting: { devices: ['mobile'] } }, {}],
    ['targeted at another device', false, { targeting: { devices: ['desktop'] } }, {}],
    ["targeted at the reader's country", true, { targeting: { countries: ['VN', 'LA'] } }, {}],
    ['targeted at another country', false, { targeting: { countries: ['US'] } }, {}],
    ['targeted at a country, the reader’s unknown', false, { targeting: { countries: ['VN'] } }, { country: null }],
    ['untargeted, the reader’s country unknown', true, {}, { country: null }],
    ['targeted at this hour of the agency’s day', true, { targeting: { hours: [19, 20, 21] } }, {}],
    ['targeted at other hours', false, { targeting: { hours: [6, 7, 8] } }, {}],
    [
      'for subscribers, to a subscriber',
      true,
      { targeting: { subscriberStatus: 'subscribers' } },
      { reader: 'subscriber' },
    ],
    ['for subscribers, to anyone else', false, { targeting: { subscriberStatus: 'subscribers' } }, {}],
    [
      'for non-subscribers, to a subscriber',
      false,
      { targeting: { subscriberStatus: 'non-subscribers' } },
      { reader: 'subscriber' },
    ],
    ['for non-subscribers, to anyone else', true, { targeting: { subscriberStatus: 'non-subscribers' } }, {}],
    ['for any subscriber status', true, { targeting: { subscriberStatus: 'any' } }, { reader: 'subscriber' }],
  ])('%s: served %s', (_case, expected, changes, page) => {
    expect(served([unit('top', [line('l', changes)])], page)).toEqual([expected ? 'l' : null]);
  });

  it.each<[string, LineCandidate[], Partial<DecideAdsOptions>, string]>([
    [
      'a sponsorship over a guaranteed line',
      [line('g', { priority: 1 }), line('s', { pricingModel: 'sponsorship' })],
      {},
      's',
    ],
    ['priority 1 over priority 2', [line('p2', { priority: 2 }), line('p1', { priority: 1 })], {}, 'p1'],
    ['a line with a priority over one without', [line('none'), line('p', { priority: 5 })], {}, 'p'],
    [
      'of one priority, the line furthest behind its plan',
      [line('ahead'), line('behind')],
      { pace: (l) => ({ probability: 1, need: l.lineId === 'ahead' ? 0 : 0.2 }) },
      'behind',
    ],
    [
      'a line pacing lets serve over one it throttles, whatever their priority',
      [line('throttled', { priority: 1 }), line('open', { priority: 2 })],
      { pace: (l) => ({ probability: l.lineId === 'throttled' ? 0 : 1, need: 0 }) },
      'open',
    ],
    [
      'a line under its frequency cap over one the reader has seen enough',
      [line('seen', { priority: 1 }), line('fresh', { priority: 2 })],
      { cappedOut: (l) => l.lineId === 'seen' },
      'fresh',
    ],
  ])('prefers %s', (_case, lines, options, expected) => {
    expect(served([unit('top', lines)], {}, options)).toEqual([expected]);
  });

  it("serves a throttled line at pacing's chance, drawn from the random source", () => {
    const options = { pace: () => ({ probability: 0.3, need: 0 }) };
    expect(served([unit('top', [line('l')])], {}, { ...options, random: () => 0.29 })).toEqual(['l']);
    expect(served([unit('top', [line('l')])], {}, { ...options, random: () => 0.31 })).toEqual([null]);
  });

  it('never shows one advertiser twice on a page', () => {
    const a1 = line('a1', { advertiserId: 'a' });
    const a2 = line('a2', { advertiserId: 'a', category: 'other' });
    expect(served([unit('top', [a1]), unit('side', [a2, line('b')])])).toEqual(['a1', 'b']);
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

  describe('takeovers', () => {
    const takeover = (id: string, changes: Partial<LineCandidate> = {}) =>
      line(id, { roadblockId: 'rb', advertiserId: 'brand', category: 'auto', orderId: 'o-rb', ...changes });

    it('fill every unit of theirs on the page together, one advertiser on each, before sponsorships and priorities', () => {
      const units = [
        unit('top', [line('first', { priority: 1 }), takeover('rb-top')]),
        unit('side', [line('sponsor', { pricingModel: 'sponsorship' }), takeover('rb-side')]),
        unit('foot', [line('other')]),
      ];
      expect(served(units)).toEqual(['rb-top', 'rb-side', 'other']);
    });

    it.each<[string, Partial<LineCandidate>, Partial<DecideAdsOptions>]>([
      ['one of its lines is targeted elsewhere', { targeting: { countries: ['TH'] } }, {}],
      ['one of its lines has no creative for its unit', { creatives: [creative('300x250')] }, {}],
      ['the reader has seen one of its lines enough', {}, { cappedOut: (l) => l.lineId === 'rb-side' }],
      [
        'pacing holds one of its lines back',
        {},
        { pace: (l) => ({ probability: l.lineId === 'rb-side' ? 0 : 1, need: 0 }) },
      ],
    ])('fill none of their units when %s, and the units go to other lines', (_case, sideChanges, options) => {
      const units = [
        unit('top', [takeover('rb-top'), line('a')]),
        unit('side', [takeover('rb-side', sideChanges), line('b')]),
      ];
      expect(served(units, {}, options)).toEqual(['a', 'b']);
    });

    it('fill the units of theirs the page has, when it lists only some', () => {
      expect(served([unit('side', [line('b'), takeover('rb-side')])])).toEqual(['rb-side']);
    });

    it("step aside for a competitor's takeover that came first, all of them", () => {
      const rival = (id: string) =>
        line(id, { roadblockId: 'rb2', advertiserId: 'rival', category: 'auto', priority: 1 });
      const units = [
        unit('top', [takeover('rb-top'), rival('r-top')]),
        unit('side', [takeover('rb-side'), rival('r-side')]),
      ];
      expect(served(units)).toEqual(['r-top', 'r-side']);
    });
  });

  describe('readers', () => {
    const page = [
      unit('top', [line('a')]),
      unit('side', [line('b')], { houseCreatives: [creative('728x90', 'house-1')] }),
      unit('foot', [], { passbackTag: '<script src="https://net.example/tag.js"></script>' }),
    ];

    it('shows an ad-free reader nothing at all, neither house ads nor passbacks', () => {
      expect(decide(page, { reader: 'ad-free' }).map((c) => c.fill)).toEqual(['none', 'none', 'none']);
    });

    it("shows a subscriber ads in the site's first units only", () => {
      expect(served(page, { reader: 'subscriber', subscriberMaxUnits: 1 })).toEqual(['a', null, null]);
      expect(served(page, { reader: 'subscriber', subscriberMaxUnits: null })).toEqual(['a', 'b', 'passback']);
      expect(served(page, { reader: 'non-subscriber', subscriberMaxUnits: 1 })).toEqual(['a', 'b', 'passback']);
    });
  });

  describe('when no sold line wins', () => {
    it.each<[string, Partial<UnitToFill>, string | null]>([
      ['shows a house creative', { houseCreatives: [creative('728x90', 'house-1')] }, 'house:house-1'],
      [
        'shows a house creative of a size the unit takes',
        { houseCreatives: [creative('300x250', 'too-big'), creative('728x90', 'house-2')] },
        'house:house-2',
      ],
      [
        'prefers a house creative to the passback tag',
        { houseCreatives: [creative('728x90', 'house-1')], passbackTag: '<div></div>' },
        'house:house-1',
      ],
      ['answers the passback tag', { passbackTag: '<div></div>' }, 'passback'],
      ['answers nothing without either', {}, null],
    ])('%s', (_case, changes, expected) => {
      expect(served([unit('top', [line('l', { orderStatus: 'completed' })], changes)])).toEqual([expected]);
    });

    it('gives the passback tag as the answer', () => {
      expect(decide([unit('top', [], { passbackTag: '<p>x</p>' })])[0]).toMatchObject({ passback: '<p>x</p>' });
    });
  });

  it('answers every unit asked for, in order', () => {
    expect(decide([unit('a', []), unit('b', [line('l')])]).map((u) => u.unit)).toEqual(['a', 'b']);
  });

  it('takes a creative of a size the unit accepts, a fluid unit any but native', () => {
    const l = line('l', { creatives: [creative('native'), creative('300x250')] });
    expect(decide([unit('f', [l], { sizes: ['fluid'] })])[0].creative?.size).toBe('300x250');
  });

  it('breaks ties with the random source it is given, and only with it', () => {
    const lines = [line('x'), line('y'), line('z')];
    /** A source drawing `seed`, then ever on a fixed stride: the same seed, the same draws. */
    const source = (seed: number) => {
      let next = seed;
      return () => (next = (next + 0.618034) % 1);
    };
    const pick = (seed: number) => decide([unit('top', lines)], {}, { random: source(seed) })[0].line?.lineId;
    expect(pick(0.1)).toBe(pick(0.1));
    expect(new Set([0, 0.2, 0.4, 0.6, 0.8].map(pick)).size).toBeGreaterThan(1);
  });
});
