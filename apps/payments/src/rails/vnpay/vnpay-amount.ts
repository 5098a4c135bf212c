import { Money, refuse } from './vnpay-fields';

// VNPay carries VND multiplied by 100 ("nhân thêm 100 lần (khử phần thập phân)": 10,000 VND is sent
// as 1000000). This file is the only place that multiplies or divides by that 100.

const VNPAY_SCALE = 100n;
// vnp_Amount is Numeric[1,12]: at most 999,999,999,999 once scaled.
const LARGEST_VNPAY_AMOUNT = 999_999_999_999n;
const DIGITS = /^(0|[1-9][0-9]*)$/;

/** Our VND amount as vnp_Amount. Refuses another currency, a non-integer, zero or too much. */
export function toVnpayAmount(field: string, money: Money): string {
  if (money.currency !== 'VND') refuse(`${field}.currency`, `VNPay settles VND only, not ${money.currency}`);
  // A caller that slips a float past the types (JSON, `as`) is refused here, not rounded.
  if (typeof money.minorUnits !== 'bigint') refuse(`${field}.minorUnits`, 'must be integer minor units (bigint)');
  const scaled = money.minorUnits * VNPAY_SCALE;
  if (money.minorUnits <= 0n) refuse(`${field}.minorUnits`, 'must be positive');
  if (scaled > LARGEST_VNPAY_AMOUNT) refuse(`${field}.minorUnits`, 'exceeds what vnp_Amount can carry');
  return scaled.toString();
}

/** vnp_Amount back as VND minor units. Refuses anything but digits, and a value not divisible by 100. */
export function fromVnpayAmount(field: string, vnpAmount: string): Money {
  if (!DIGITS.test(vnpAmount)) refuse(field, 'is not a whole number');
  const scaled = BigInt(vnpAmount);
  if (scaled % VNPAY_SCALE !== 0n) refuse(field, 'is not a whole number of VND');
  return { minorUnits: scaled / VNPAY_SCALE, currency: 'VND' };
}
