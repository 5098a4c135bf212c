import { isOnSiteDomain } from './site-domain';

describe('isOnSiteDomain', () => {
  it.each([
    ['https://tinnhanh.vn/cam-on', true],
    ['https://TinNhanh.VN/cam-on?session={CHECKOUT_SESSION_ID}', true],
    ['http://tinnhanh.vn:8080/', true],
    ['https://www.tinnhanh.vn/qua-tang', true],
    ['https://tinnhanh.vn./', true],
    ['https://evil.example/tinnhanh.vn', false],
    ['https://tinnhanh.vn.evil.example/', false],
    ['https://eviltinnhanh.vn/', false],
    ['https://tinnhanh.vn@evil.example/', false],
    ['https://user:pass@tinnhanh.vn/', false],
    ['javascript:alert(1)//tinnhanh.vn', false],
    ['ftp://tinnhanh.vn/', false],
    ['not a url', false],
  ])('%s on tinnhanh.vn: %s', (url, expected) => {
    expect(isOnSiteDomain(url, 'tinnhanh.vn')).toBe(expected);
  });
});
