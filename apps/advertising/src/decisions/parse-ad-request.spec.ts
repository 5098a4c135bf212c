import { parseAdRequest } from './parse-ad-request';

describe('parseAdRequest', () => {
  it('reads units, section, device and article', () => {
    expect(
      parseAdRequest({
        siteKey: 'pk_x',
        units: 'top,side',
        section: 'thoi-su',
        device: 'mobile',
        article: 'a/b-1.html',
      }),
    ).toEqual({
      request: { siteKey: 'pk_x', units: ['top', 'side'], section: 'thoi-su', device: 'mobile', article: 'a/b-1.html' },
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
    ['an article id with a space', { siteKey: 'pk_x', units: 'top', article: 'bai 1' }, 'article'],
    ['an article id too long', { siteKey: 'pk_x', units: 'top', article: 'a'.repeat(201) }, 'article'],
    ['an article twice', { siteKey: 'pk_x', units: 'top', article: ['a', 'b'] }, 'article'],
    ['an unknown field', { siteKey: 'pk_x', units: 'top', country: 'VN' }, 'country'],
  ])('refuses %s, naming the field', (_case, query, field) => {
    const parsed = parseAdRequest(query);
    expect('errors' in parsed && parsed.errors.map((e) => e.field)).toEqual([field]);
  });
});
