/**
 * The Stripe resources subscriptions may reach through payments: Stripe Billing (customers,
 * products and prices, coupons and promotion codes, tax rates, checkout and the billing portal,
 * subscriptions and their schedules, invoices) and what reconciling and refunding it reads
 * (charges, payment intents, refunds, disputes, balance transactions, payouts). Nothing that
 * moves money out of the account (transfers, payouts created) or changes the account itself
 * (webhook endpoints, API keys, connected accounts).
 */
const BILLING_RESOURCES: ReadonlySet<string> = new Set([
  'customers',
  'products',
  'prices',
  'coupons',
  'promotion_codes',
  'tax_rates',
  'checkout',
  'billing_portal',
  'subscriptions',
  'subscription_schedules',
  'invoices',
  'charges',
  'payment_intents',
  'refunds',
  'disputes',
  'balance_transactions',
  'payouts',
]);

/** Payouts are read, never made: a POST there would send the agency's money to a bank. */
const READ_ONLY_RESOURCES: ReadonlySet<string> = new Set(['payouts', 'balance_transactions']);

/** Whether `method path` (`/v1/<resource>/…?query`) is a request of Stripe Billing's that the suite may send. */
export function isStripeBillingRequest(method: string, path: string): boolean {
  const [pathname] = path.split('?', 1);
  const segments = pathname.split('/');
  // ['', 'v1', resource, …]: no empty, dot or dot-dot segment can change what is reached.
  if (segments[0] !== '' || segments[1] !== 'v1' || segments.length < 3) return false;
  if (segments.slice(2).some((segment) => segment === '' || segment === '.' || segment === '..')) return false;
  const resource = segments[2];
  if (!BILLING_RESOURCES.has(resource)) return false;
  return method === 'GET' || !READ_ONLY_RESOURCES.has(resource);
}
