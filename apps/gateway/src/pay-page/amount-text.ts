import type { PayerLanguage } from './payer-language';

const NBSP = '\u00a0';

/**
 * An amount in minor units as the payer reads it. Dong are written the Vietnamese way in both
 * languages (`99.000 ₫`: dots between thousands, no decimals, a non-breaking space before the sign),
 * as the price tags and bank apps the payer knows write them; other currencies as the language
 * writes them, with the currency's own minor units.
 */
export function amountText(minorUnits: string, currency: string, language: PayerLanguage): string {
  const amount = BigInt(minorUnits);
  if (currency === 'VND') return `${groupThousands(amount, '.')}${NBSP}₫`;
  const format = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // A decimal string, not a number: Intl formats it exactly, however large the amount.
  return format.format(decimalOf(amount, digits) as `${number}`);
}

function groupThousands(amount: bigint, separator: string): string {
  return amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function decimalOf(amount: bigint, digits: number): string {
  if (digits === 0) return amount.toString();
  const text = amount.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
