import { pngOf } from '@libs/testing';
import { clickUrlProblem, imageMaxBytes, imageProblems, lawProblems, unitAccepts } from './creative-rules';

describe('creative rules', () => {
  it.each([
    ['300x250', 150_000],
    ['728x90', 150_000],
    ['300x600', 200_000],
    ['320x50', 50_000],
    ['640x480', 200_000],
    ['native', 200_000],
  ])('lets an image of %s weigh %d bytes at most', (size, max) => {
    expect(imageMaxBytes(size)).toBe(max);
  });

  it.each([
    ['the right size and weight', pngOf(300, 250, 150_000), '300x250', []],
    ['one byte too heavy', pngOf(300, 250, 150_001), '300x250', ['weighs 150001 bytes, more than 150000 for 300x250']],
    ['the wrong pixels', pngOf(300, 251), '300x250', ['is 300x251 pixels, not 300x250']],
    ['not an image', Buffer.from('GIF87 nope'), '300x250', ['must be a PNG, JPEG, GIF or WebP image']],
    ['any pixels for native', pngOf(1200, 628), 'native', []],
  ])('checks an image of %s', (_what, bytes, size, messages) => {
    expect(imageProblems(bytes, size, 'contentBase64').errors.map((error) => error.message)).toEqual(messages);
  });

  it.each([
    ['a fixed ad', { format: 'fixed' as const, placement: 'standard' as const }, []],
    [
      'a floating ad closable at 1.5 s',
      { format: 'floating' as const, closeControlAfterMs: 1500, placement: 'standard' as const },
      [],
    ],
    [
      'a floating ad closable at 1.501 s',
      { format: 'floating' as const, closeControlAfterMs: 1501, placement: 'standard' as const },
      ['closeControlAfterMs'],
    ],
    [
      'an interstitial without a close control',
      { format: 'interstitial' as const, placement: 'standard' as const },
      ['closeControlAfterMs'],
    ],
    [
      'an in-content ad labelled',
      { format: 'fixed' as const, placement: 'in-content' as const, label: 'Quảng cáo' },
      [],
    ],
    [
      'an in-content ad labelled in English',
      { format: 'fixed' as const, placement: 'in-content' as const, label: 'Advertisement' },
      [],
    ],
    ['an in-content ad unlabelled', { format: 'fixed' as const, placement: 'in-content' as const }, ['label']],
    [
      'an in-content ad with another label',
      { format: 'fixed' as const, placement: 'in-content' as const, label: 'Tin tức' },
      ['label'],
    ],
  ])('applies the Advertising Law to %s', (_what, creative, fields) => {
    expect(lawProblems(creative).map((error) => error.field)).toEqual(fields);
  });

  it.each([
    [['300x250', '336x280'], 'image', '300x250', true],
    [['300x250'], 'image', '728x90', false],
    [['fluid'], 'html5', '970x250', true],
    [['fluid'], 'native', 'native', false],
    [['native'], 'native', 'native', true],
  ] as const)('a unit of %p takes a %s creative of %s: %p', (sizes, kind, size, accepted) => {
    expect(unitAccepts(sizes, { kind, size })).toBe(accepted);
  });

  it.each([
    ['https://brand.example.vn/khuyen-mai?utm=1', null],
    ['http://brand.example.vn/', 'must be an https URL'],
    ['https://user:secret@brand.example.vn/', 'must not carry credentials'],
    ['javascript:alert(1)', 'must be an https URL'],
    ['/relative', 'must be an absolute https URL'],
  ])('checks the click URL %s', (url, message) => {
    expect(clickUrlProblem(url, 'clickUrl')?.message ?? null).toBe(message);
  });
});
