/** A Vietnamese mã số thuế: 10 digits, or 13 with a branch (`0101234567-001`). */
const VIETNAMESE_TAX_CODE = /^[0-9]{10}(-[0-9]{3})?$/;

/**
 * What is wrong with a licensee's tax code for its country, or null. Only Vietnam's form is
 * checked: other countries' identifiers (EIN, VAT numbers…) are taken as the licensee writes them.
 */
export function taxCodeProblem(country: string, taxCode: string | null): string | null {
  if (taxCode === null || country !== 'VN' || VIETNAMESE_TAX_CODE.test(taxCode)) return null;
  return 'taxCode of a Vietnamese licensee must be a 10-digit tax code, or 13 with a branch (0101234567-001)';
}
