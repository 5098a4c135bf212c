/**
 * Digits after the decimal point of each currency, as Stripe counts them (minor units are what
 * the books hold): zero-decimal currencies such as VND and JPY have none (100,000 VND is 100000),
 * three-decimal ones such as KWD have three. A currency not listed is refused wherever a decimal
 * amount is read (statement imports, licence offers' payment duties), so an amount is never scaled
 * by a guess.
 */
const ZERO_DECIMAL = [
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
];
const THREE_DECIMAL = ['BHD', 'JOD', 'KWD', 'OMR', 'TND'];
const TWO_DECIMAL = [
  'AED',
  'AUD',
  'BDT',
  'BGN',
  'BRL',
  'CAD',
  'CHF',
  'CNY',
  'CZK',
  'DKK',
  'EGP',
  'EUR',
  'GBP',
  'HKD',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'ISK',
  'KHR',
  'KZT',
  'LAK',
  'LKR',
  'MMK',
  'MXN',
  'MYR',
  'NOK',
  'NZD',
  'PHP',
  'PKR',
  'PLN',
  'QAR',
  'RON',
  'RUB',
  'SAR',
  'SEK',
  'SGD',
  'THB',
  'TRY',
  'TWD',
  'UAH',
  'USD',
  'ZAR',
];

const EXPONENTS = new Map<string, number>([
  ...ZERO_DECIMAL.map((code) => [code, 0] as const),
  ...THREE_DECIMAL.map((code) => [code, 3] as const),
  ...TWO_DECIMAL.map((code) => [code, 2] as const),
]);

/** The currency's exponent, or null for a code the suite does not take (case-insensitive). */
export function exponentOf(currency: string): number | null {
  return EXPONENTS.get(currency.toUpperCase()) ?? null;
}
