import { exponentOf } from './currency-exponents';

const DECIMAL = /^(-?)(\d{1,18})(?:\.(\d{1,18}))?$/;
/** The largest amount the books hold, in minor units (their columns are `bigint`). */
const MAX_MINOR_UNITS = 9223372036854775807n;

export type AmountParse = { ok: true; minorUnits: bigint } | { ok: false; reason: string };

/**
 * A decimal amount in major units (`"12.50"`, `"-3"`, `"100000"`) in integer minor units of the
 * currency, by string arithmetic: no float ever holds it. Digits past the currency's exponent
 * are refused unless they are zeros (`"12.500"` USD is 1250; `"100000.5"` VND is refused).
 */
export function parseDecimalAmount(text: string, currency: string): AmountParse {
  const exponent = exponentOf(currency);
  if (exponent === null) return { ok: false, reason: `currency ${currency} is not supported` };
  const match = DECIMAL.exec(text.trim());
  if (!match)
    return { ok: false, reason: `"${text}" is not a decimal amount (digits, optionally "-" and "." with decimals)` };
  const [, sign, whole, fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(exponent))) {
    return { ok: false, reason: `"${text}" has more decimals than ${currency.toUpperCase()} has (${exponent})` };
  }
  const minor = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (minor > MAX_MINOR_UNITS)
    return {
      ok: false,
      reason: `"${text}" is too large an amount (at most ${inMajorUnits(MAX_MINOR_UNITS, exponent)} ${currency.toUpperCase()})`,
    };
  return { ok: true, minorUnits: sign === '-' ? -minor : minor };
}

function inMajorUnits(minor: bigint, exponent: number): string {
  const digits = minor.toString();
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
