import { parseAdRequest } from './parse-ad-request';

describe('parseAdRequest', () => {
  it('reads units, section and device', () => {
    expect(parseAdRequest({ siteKey: 'pk_x', units: 'top,side', section: 'thoi-su', device: 'mobile' })).toEqual({
      request: { siteKey: 'pk_x', units: ['top', 'side'], section: 'thoi-su', device: 'mobile' },
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
    ['an unknown field', { siteKey: 'pk_x', units: 'top', country: 'VN' }, 'country'],
  ])('refuses %s, naming the field', (_case, query, field) => {
    const parsed = parseAdRequest(query);
    expect('errors' in parsed && parsed.errors.map((e) => e.field)).toEqual([field]);
  });
});
