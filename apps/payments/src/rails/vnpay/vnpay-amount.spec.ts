import { ValidationFailedError } from '@libs/common';
import { fromVnpayAmount, toVnpayAmount } from './vnpay-amount';

describe('vnp_Amount (VND × 100)', () => {
  it.each([1n, 18060n, 250_000n, 9_999_999_999n])('round-trips %p VND', (minorUnits) => {
    const sent = toVnpayAmount('money', { minorUnits, currency: 'VND' });
    expect(sent).toBe((minorUnits * 100n).toString());
    expect(fromVnpayAmount('vnp_Amount', sent)).toEqual({ minorUnits, currency: 'VND' });
  });

  it.each(['1806050', '18060.00', '-100', '', '1e5', '0100'])('refuses %p coming back', (text) => {
    expect(() => fromVnpayAmount('vnp_Amount', text)).toThrow(ValidationFailedError);
  });
});
