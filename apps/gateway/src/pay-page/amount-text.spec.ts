import { amountText } from './amount-text';

const NBSP = '\u00a0';

describe('amounts as the payer reads them', () => {
  it.each([
    ['0', '0'],
    ['1000', '1.000'],
    ['99000', '99.000'],
    ['1234567', '1.234.567'],
    ['50000000', '50.000.000'],
  ])('writes %s VND as %s ₫, the same in both languages', (minorUnits, digits) => {
    expect(amountText(minorUnits, 'VND', 'vi')).toBe(`${digits}${NBSP}₫`);
    expect(amountText(minorUnits, 'VND', 'en')).toBe(`${digits}${NBSP}₫`);
  });

  it.each([
    ['1999', 'USD', 'en', '$19.99'],
    ['5', 'USD', 'en', '$0.05'],
    ['1999', 'USD', 'vi', `19,99${NBSP}US$`],
    ['1999', 'JPY', 'en', '¥1,999'],
    ['1234', 'KWD', 'en', `KWD${NBSP}1.234`],
  ] as const)(
    'writes %s minor units of %s in %s as %s, with the currency its own minor units',
    (minor, currency, language, text) => {
      expect(amountText(minor, currency, language)).toBe(text);
    },
  );

  it('keeps every digit of an amount too large for a JavaScript number', () => {
    expect(amountText('900719925474099312', 'USD', 'en')).toBe('$9,007,199,254,740,993.12');
  });
});
