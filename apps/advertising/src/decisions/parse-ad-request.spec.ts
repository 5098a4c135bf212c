import { parseAdRequest } from './parse-ad-request';

const TOKEN = 'AQID.k1.abcdefghijklmnopqrstuv';

describe('parseAdRequest', () => {
  it('reads units, section, device, article and the reader and cap tokens', () => {
    expect(
      parseAdRequest({
        siteKey: 'pk_x',
        units: 'top,side',
        section: 'thoi-su',
        device: 'mobile',
        article: 'bai-viet/123',
        reader: TOKEN,
        cap: TOKEN,
      }),
    ).toEqual({
      request: {
        siteKey: 'pk_x',
        units: ['top', 'side'],
        section: 'thoi-su',
        device: 'mobile',
        article: 'bai-viet/123',
        reader: TOKEN,
        cap: TOKEN,
      },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no site key', { units: 'top' }, 'siteKey'],
    ['a site key twice', { siteKey: ['pk_a', 'pk_b'], units: 'top' }, 'siteKey'],
    ['no units', { siteKey: 'pk_x' }, 'units'],
    ['an empty unit', { siteKey: 'pk_x', units: 'top,' }, 'units'],
    ['a unit twice', { siteKey: 'pk_x', units: 'top,top' }, 'units'],
    ['a unit that is no code', { siteKey: 'pk_x', units: 'Top Banner' }, 'units'],
    ['too many units', { siteKey: 'pk_x', units: Array.from({ length: 21 }, (_, i) => `u${i}`).join(',') }, 'units'],
    ['a section that is no slug', { siteKey: 'pk_x', units: 'top', section: '<script>' }, 'section'],
    ['an unknown device', { siteKey: 'pk_x', units: 'top', device: 'watch' }, 'device'],
    ['an article that is no id', { siteKey: 'pk_x', units: 'top', article: 'a b' }, 'article'],
    ['a reader token that is no token', { siteKey: 'pk_x', units: 'top', reader: 'hello' }, 'reader'],
    ['a reader token twice', { siteKey: 'pk_x', units: 'top', reader: [TOKEN, TOKEN] }, 'reader'],
    ['a cap token that is no token', { siteKey: 'pk_x', units: 'top', cap: '<x>.y.z' }, 'cap'],
    ['a cap token too long', { siteKey: 'pk_x', units: 'top', cap: `${'A'.repeat(1100)}.k1.mac` }, 'cap'],
    ['an unknown field', { siteKey: 'pk_x', units: 'top', country: 'VN' }, 'country'],
  ])('refuses %s, naming the field', (_case, query, field) => {
    const parsed = parseAdRequest(query);
    expect('errors' in parsed && parsed.errors.map((e) => e.field)).toEqual([field]);
  });
});
