import { unixNow } from '../billing-calendar';
import { buildDraftInvoice } from '../objects/invoice';
import { WireInvoice, WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';
import { PRORATION_BEHAVIORS } from './change-subscription';
import { periodLine } from './invoice-lines';
import { subscriptionTaxRates, taxLines, taxRatesByIds } from './line-taxes';
import { prorationLines } from './proration';
import { discountsFor, spreadDiscounts } from './subscription-discounts';
import { applyItemChanges, planItemChanges } from './subscription-item-changes';
import { currentPeriod, periodFrom } from './subscription-periods';

const BILLABLE = new Set(['active', 'trialing', 'past_due', 'unpaid']);

/**
 * `POST /v1/invoices/create_preview` for an existing subscription, optionally with
 * `subscription_details` (items, proration_behavior, proration_date, default_tax_rates) applied
 * as if updated.
 * With create_prorations (the default) it is the next renewal invoice: the new period at the
 * new prices plus all prorations. With always_invoice it is the invoice the update would make
 * now: the prorations alone. Nothing is stored.
 */
export function previewInvoice(account: StripeAccount, params: StripeParams): WireInvoice {
  const subscription = subscriptionToPreview(account, params);
  const details = params.object('subscription_details');
  const now = unixNow();
  const behavior = details?.oneOf('proration_behavior', PRORATION_BEHAVIORS) ?? 'create_prorations';
  const prorationDate = details?.integer('proration_date') ?? now;
  const changes = details ? planItemChanges(account, subscription, details.list('items')) : [];
  const prorations =
    behavior === 'none' || subscription.status === 'trialing'
      ? []
      : prorationLines(account, subscription, changes, prorationDate);
  const simulated = structuredClone(subscription);
  applyItemChanges(simulated, changes, now);
  if (details?.raw('default_tax_rates') !== undefined) {
    simulated.default_tax_rates = taxRatesByIds(
      account,
      details.strings('default_tax_rates'),
      details.pathOf('default_tax_rates'),
      subscription.default_tax_rates ?? [],
    );
  }

  const id = `upcoming_${newStripeId('in_')}`;
  const period = currentPeriod(simulated);
  const pending = account.pendingInvoiceLines.get(subscription.id) ?? [];
  const immediate = behavior === 'always_invoice';
  const renewal = immediate
    ? []
    : simulated.items.data.map((item) =>
        periodLine(account, simulated, item, periodFrom(item, period.end, simulated.billing_cycle_anchor), id, false),
      );
  const lines = [...renewal, ...pending, ...prorations].map((line) => ({ ...structuredClone(line), invoice: id }));
  const discountable = lines.filter((line) => line.discountable).reduce((sum, line) => sum + line.amount, 0);
  const discounts = discountsFor(account, simulated, discountable, immediate ? now : period.end);
  spreadDiscounts(lines, discounts);
  const taxRates = subscriptionTaxRates(account, simulated);
  taxLines(lines, taxRates);
  const invoice = buildDraftInvoice({
    id,
    created: immediate ? now : period.end,
    customer: account.get('customer', subscription.customer as string),
    subscription: simulated,
    billingReason: immediate ? 'subscription_update' : 'upcoming',
    currency: subscription.currency,
    lines,
    discounts,
    defaultTaxRates: taxRates,
    periodStart: immediate ? prorationDate : period.start,
    periodEnd: immediate ? prorationDate : period.end,
    baseUrl: account.baseUrl,
  });
  if (prorations.length > 0 && invoice.parent?.subscription_details)
    invoice.parent.subscription_details.subscription_proration_date = prorationDate;
  invoice.next_payment_attempt = immediate ? now : period.end;
  return invoice;
}

function subscriptionToPreview(account: StripeAccount, params: StripeParams): WireSubscription {
  const subscriptionId = params.string('subscription');
  if (subscriptionId) return account.get('subscription', subscriptionId, 'subscription');
  const customerId = params.string('customer');
  if (!customerId) throw StripeApiError.parameterMissing('subscription');
  account.get('customer', customerId, 'customer');
  const found = account.list('subscription').find((sub) => sub.customer === customerId && BILLABLE.has(sub.status));
  if (!found)
    throw new StripeApiError(
      404,
      'invalid_request_error',
      `No upcoming invoices for customer: ${customerId}`,
      'invoice_upcoming_none',
    );
  return found;
}
