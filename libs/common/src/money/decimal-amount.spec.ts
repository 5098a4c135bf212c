import { parseDecimalAmount } from './decimal-amount';

const minor = (text: string, currency: string) => {
  const parsed = parseDecimalAmount(text, currency);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.minorUnits;
};

describe('decimal amounts in minor units', () => {
  it('scales two-decimal currencies by their cents exactly, where floats would not', () => {
    expect(minor('12.50', 'USD')).toBe(1250n);
    expect(minor('0.29', 'usd')).toBe(29n); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(minor('-3', 'EUR')).toBe(-300n);
    expect(minor('1.5', 'EUR')).toBe(150n);
    expect(minor('92233720368547758.07', 'USD')).toBe(9223372036854775807n);
  });

  it('keeps VND in whole dong: 100,000 VND is 100000', () => {
    expect(minor('100000', 'VND')).toBe(100000n);
    expect(minor('100000.00', 'VND')).toBe(100000n);
    expect(minor('-49500', 'vnd')).toBe(-49500n);
  });

  it('takes three decimals for KWD', () => {
    expect(minor('1.234', 'KWD')).toBe(1234n);
  });

  it('accepts trailing zeros past the exponent but refuses digits that would be lost', () => {
    expect(minor('12.500', 'USD')).toBe(1250n);
    expect(parseDecimalAmount('12.505', 'USD')).toEqual({
      ok: false,
      reason: expect.stringContaining('more decimals than USD'),
    });
    expect(parseDecimalAmount('100000.5', 'VND')).toEqual({
      ok: false,
      reason: expect.stringContaining('more decimals than VND has (0)'),
    });
  });

  it.each(['', '1,50', '1.2.3', 'abc', '+5', '1e3', '.5', '5.', ' - 5'])('refuses %p', (text) => {
    expect(parseDecimalAmount(text, 'USD').ok).toBe(false);
  });

  it('refuses a currency it does not know rather than guess its decimals', () => {
    expect(parseDecimalAmount('1.00', 'XYZ')).toEqual({ ok: false, reason: 'currency XYZ is not supported' });
  });

  it('refuses an amount whose minor units do not fit the books (a signed 64-bit integer)', () => {
    expect(minor('92233720368547758.07', 'USD')).toBe(9223372036854775807n);
    expect(minor('-92233720368547758.07', 'USD')).toBe(-9223372036854775807n);
    expect(parseDecimalAmount('92233720368547758.08', 'USD')).toEqual({
      ok: false,
      reason: '"92233720368547758.08" is too large an amount (at most 92233720368547758.07 USD)',
    });
    expect(parseDecimalAmount('999999999999999999', 'USD').ok).toBe(false);
    expect(parseDecimalAmount('-999999999999999999', 'KWD').ok).toBe(false);
  });
});
