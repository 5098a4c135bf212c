import { minorUnitExponent } from './currency';
import { formatMajorUnits, fromProviderNumber, parseMinorUnits, toSafeNumber } from './minor-units';

describe('minor units', () => {
  it('gives VND no decimals and USD two', () => {
    expect(minorUnitExponent('VND')).toBe(0);
    expect(minorUnitExponent('vnd')).toBe(0);
    expect(minorUnitExponent('USD')).toBe(2);
    expect(minorUnitExponent('KWD')).toBe(3);
  });

  it('parses digit strings to bigint and refuses anything else', () => {
    expect(parseMinorUnits('99000')).toBe(99000n);
    expect(parseMinorUnits('-500')).toBe(-500n);
    for (const bad of ['99.000', '1e5', '', '007', ' 1', '99000.5']) expect(() => parseMinorUnits(bad)).toThrow();
  });

  it('formats for people without inventing decimals for VND', () => {
    expect(formatMajorUnits(99000n, 'VND')).toBe('99000');
    expect(formatMajorUnits(1999n, 'USD')).toBe('19.99');
    expect(formatMajorUnits(5n, 'USD')).toBe('0.05');
    expect(formatMajorUnits(-5n, 'EUR')).toBe('-0.05');
  });

  it('crosses to and from the provider only as safe integers', () => {
    expect(toSafeNumber(99000n)).toBe(99000);
    expect(() => toSafeNumber(2n ** 60n)).toThrow();
    expect(fromProviderNumber(99000)).toBe(99000n);
    expect(() => fromProviderNumber(990.5)).toThrow();
  });
});
