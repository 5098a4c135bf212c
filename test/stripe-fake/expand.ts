import Stripe from 'stripe';
import { StripeAccount } from './stripe-account';
import { StripeApiError } from './stripe-api-error';

type Hash = Record<string, unknown>;

/**
 * Applies `expand[]` paths to a response (already a copy): ids become the objects they name,
 * `data.` walks into lists, and includable fields that Stripe omits unless asked for are added
 * (`invoice.payments`, `checkout.session.line_items`, `charge.refunds`).
 */
export function expandResponse(account: StripeAccount, response: unknown, paths: string[]): void {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > 4)
      throw StripeApiError.parameterInvalid(
        'expand',
        `You cannot expand more than 4 levels of a property. Property: ${path}`,
      );
    expandAt(account, response, segments, path);
  }
}

function expandAt(account: StripeAccount, target: unknown, segments: string[], path: string): void {
  if (segments.length === 0 || target === null || typeof target !== 'object') return;
  if (Array.isArray(target)) {
    for (const entry of target) expandAt(account, entry, segments, path);
    return;
  }
  const hash = target as Hash;
  const [field, ...rest] = segments;
  if (!(field in hash)) {
    const included = includable(account, hash, field);
    if (included === undefined)
      throw StripeApiError.parameterInvalid('expand', `This property cannot be expanded (${field}).`);
    hash[field] = included;
  }
  const value = hash[field];
  if (typeof value === 'string') hash[field] = resolve(account, value);
  else if (Array.isArray(value))
    hash[field] = value.map((entry) => (typeof entry === 'string' ? resolve(account, entry) : entry));
  expandAt(account, hash[field], rest, path);
}

function resolve(account: StripeAccount, id: string): unknown {
  const found = account.findAny(id);
  return found ? structuredClone(found) : id;
}

function includable(account: StripeAccount, hash: Hash, field: string): Stripe.ApiList<unknown> | undefined {
  const id = hash.id as string;
  const list = <T>(data: T[], url: string): Stripe.ApiList<T> => ({
    object: 'list',
    data: structuredClone(data),
    has_more: false,
    url,
  });
  if (hash.object === 'invoice' && field === 'payments') {
    return list(
      account.list('invoice_payment').filter((payment) => payment.invoice === id),
      `/v1/invoices/${id}/payments`,
    );
  }
  if (hash.object === 'checkout.session' && field === 'line_items') {
    return list(account.checkoutRequests.get(id)?.lineItems ?? [], `/v1/checkout/sessions/${id}/line_items`);
  }
  if (hash.object === 'charge' && field === 'refunds') {
    return list(
      account.list('refund').filter((refund) => refund.charge === id),
      `/v1/charges/${id}/refunds`,
    );
  }
  return undefined;
}
