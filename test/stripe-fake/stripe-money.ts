/** Stripe's zero-decimal currencies: amounts are whole units (99000 VND is `99000`, never x100). */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** The fixed part of the fake's processing fee, in minor units of the charge's currency. */
const FIXED_FEE: Record<string, number> = { vnd: 2000, usd: 30, eur: 30 };
const DEFAULT_FIXED_FEE = 30;

/** The fee Stripe takes on a dispute, in minor units; currencies not listed pay none here. */
const DISPUTE_FEE: Record<string, number> = { usd: 1500, eur: 1500 };

export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL.has(currency.toLowerCase());
}

/** Rounds half away from zero, as Stripe does for fees, discounts and prorations. */
export function roundHalfUp(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** The fake's processing fee: 3.4% rounded half-up, plus a fixed fee per currency. */
export function processingFee(amount: number, currency: string): number {
  const percent = Math.floor((amount * 34 + 500) / 1000);
  return percent + (FIXED_FEE[currency.toLowerCase()] ?? DEFAULT_FIXED_FEE);
}

export function disputeFee(currency: string): number {
  return DISPUTE_FEE[currency.toLowerCase()] ?? 0;
}

/** "₫99,000" / "$9.90": how Stripe words an amount in descriptions. */
export function formatAmount(amount: number, currency: string): string {
  const digits = isZeroDecimal(currency) ? 0 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}
