import { ValidationFailedError } from '@libs/common';
import { formatVnpayDate, parseVnpayDate } from './vnpay-date';

describe('VNPay dates (yyyyMMddHHmmss, GMT+7)', () => {
  it.each([
    ['2021-08-01T08:33:33Z', '20210801153333'],
    ['2021-12-31T17:00:00Z', '20220101000000'],
    ['2024-02-28T23:59:59Z', '20240229065959'],
  ])('writes %s as %s and reads it back', (iso, vnpay) => {
    expect(formatVnpayDate('at', new Date(iso))).toBe(vnpay);
    expect(parseVnpayDate('at', vnpay).toISOString()).toBe(new Date(iso).toISOString());
  });

  it.each(['2021080115333', '20210231120000', '20211301120000', '2021-08-01 15:33'])('refuses %s', (text) => {
    expect(() => parseVnpayDate('vnp_PayDate', text)).toThrow(ValidationFailedError);
  });
});
