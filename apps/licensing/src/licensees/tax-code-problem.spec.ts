import { taxCodeProblem } from './tax-code-problem';

describe('taxCodeProblem', () => {
  it.each<[string, string, string | null, boolean]>([
    ['no tax code, in Vietnam', 'VN', null, true],
    ['a 10-digit code, in Vietnam', 'VN', '0101234567', true],
    ['a branch code, in Vietnam', 'VN', '0101234567-001', true],
    ['9 digits, in Vietnam', 'VN', '010123456', false],
    ['letters, in Vietnam', 'VN', 'VN0101234567', false],
    ['a branch of two digits, in Vietnam', 'VN', '0101234567-01', false],
    ['an EIN, in the United States', 'US', '12-3456789', true],
    ['a VAT number, in Germany', 'DE', 'DE123456789', true],
    ['a Vietnamese-looking code, in Singapore', 'SG', '0101234567', true],
  ])('%s', (_case, country, taxCode, accepted) => {
    expect(taxCodeProblem(country, taxCode) === null).toBe(accepted);
  });
});
