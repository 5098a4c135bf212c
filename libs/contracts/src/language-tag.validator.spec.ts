import { canonicalLanguageTag } from './language-tag.validator';

describe('canonicalLanguageTag', () => {
  it.each([
    ['vi', 'vi'],
    ['vi-VN', 'vi-VN'],
    ['VI-vn', 'vi-VN'],
    ['en-US', 'en-US'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['fil', 'fil'],
    ['es-419', 'es-419'],
    ['vi-VN-x-north', 'vi-VN-x-north'],
  ])('takes %s as %s', (tag, canonical) => {
    expect(canonicalLanguageTag(tag)).toBe(canonical);
  });

  it.each([
    ['the empty string', ''],
    ['a language name', 'english'],
    ['an underscore', 'en_US'],
    ['a trailing dash', 'en-'],
    ['one letter', 'e'],
    ['digits', '123'],
    ['a variant given twice', 'de-1996-1996'],
    ['more than 35 characters', `en-${'x'.repeat(33)}`],
    ['a number', 42],
  ])('refuses %s', (_case, tag) => {
    expect(canonicalLanguageTag(tag)).toBeNull();
  });
});
