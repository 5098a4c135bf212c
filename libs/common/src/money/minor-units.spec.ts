import { fromProviderNumber, parseMinorUnits, toSafeNumber } from './minor-units';

describe('minor units', () => {
  it('parses digit strings to bigint and refuses anything else', () => {
    expect(parseMinorUnits('99000')).toBe(99000n);
    expect(parseMinorUnits('-500')).toBe(-500n);
    for (const bad of ['99.000', '1e5', '', '007', ' 1', '99000.5']) expect(() => parseMinorUnits(bad)).toThrow();
  });

  it('crosses to and from the provider only as safe integers', () => {
    expect(toSafeNumber(99000n)).toBe(99000);
    expect(() => toSafeNumber(2n ** 60n)).toThrow();
    expect(fromProviderNumber(99000)).toBe(99000n);
    expect(() => fromProviderNumber(990.5)).toThrow();
  });
});
