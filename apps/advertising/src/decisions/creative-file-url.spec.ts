import { creativeFileOf, creativeFileUrl } from './creative-file-url';

const SHA = 'a'.repeat(64);
const BASE = 'https://ads.example.vn';

describe('creativeFileUrl', () => {
  it.each<[string, Parameters<typeof creativeFileUrl>[1], string | null]>([
    ['an image by its digest', { kind: 'image', sha256: SHA }, `${BASE}/v1/ads/creatives/${SHA}`],
    ["a native creative's image", { kind: 'native', sha256: SHA }, `${BASE}/v1/ads/creatives/${SHA}`],
    [
      "an HTML5 creative's entry file",
      { kind: 'html5', sha256: SHA, entryFile: 'index.html' },
      `${BASE}/v1/ads/creatives/${SHA}/index.html`,
    ],
    [
      'an entry file in a folder, each part encoded',
      { kind: 'html5', sha256: SHA, entryFile: 'ad 1/trang chủ.html' },
      `${BASE}/v1/ads/creatives/${SHA}/ad%201/trang%20ch%E1%BB%A7.html`,
    ],
    [
      'index.html when no entry file is known',
      { kind: 'html5', sha256: SHA },
      `${BASE}/v1/ads/creatives/${SHA}/index.html`,
    ],
    ['nothing for a tag', { kind: 'tag', sha256: null }, null],
    ['nothing without a stored file', { kind: 'image', sha256: null }, null],
  ])('answers %s', (_what, creative, url) => {
    expect(creativeFileUrl(BASE, creative)).toBe(url);
  });
});

describe('creativeFileOf', () => {
  it.each<[string, string, { sha256: string; file: string | null } | null]>([
    ['an image', `/v1/ads/creatives/${SHA}`, { sha256: SHA, file: null }],
    ['a file of a zip', `/v1/ads/creatives/${SHA}/index.html`, { sha256: SHA, file: 'index.html' }],
    ['a file in a folder', `/v1/ads/creatives/${SHA}/js/main.js`, { sha256: SHA, file: 'js/main.js' }],
    ['a percent-encoded name', `/v1/ads/creatives/${SHA}/ad%201/a.png`, { sha256: SHA, file: 'ad 1/a.png' }],
    ['no digest', '/v1/ads/creatives/', null],
    ['a digest in capitals', `/v1/ads/creatives/${SHA.toUpperCase()}`, null],
    ['a short digest', `/v1/ads/creatives/${SHA.slice(1)}`, null],
    ['a trailing slash', `/v1/ads/creatives/${SHA}/`, null],
    ['a parent directory', `/v1/ads/creatives/${SHA}/../../etc/passwd`, null],
    ['an encoded parent directory', `/v1/ads/creatives/${SHA}/%2e%2e/%2e%2e/etc/passwd`, null],
    ['an encoded slash to a parent', `/v1/ads/creatives/${SHA}/js%2f..%2f..%2fx`, null],
    ['a backslash', `/v1/ads/creatives/${SHA}/..%5cx`, null],
    ['a NUL', `/v1/ads/creatives/${SHA}/index.html%00.png`, null],
    ['a current directory', `/v1/ads/creatives/${SHA}/./index.html`, null],
    ['a double slash', `/v1/ads/creatives/${SHA}//index.html`, null],
    ['a broken escape', `/v1/ads/creatives/${SHA}/%E0%A4%A`, null],
    ['another path', '/v1/ads/decisions', null],
  ])('reads %s', (_what, path, expected) => {
    expect(creativeFileOf(path)).toEqual(expected);
  });
});
