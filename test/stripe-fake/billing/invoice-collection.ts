import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildDraftInvoice } from '../objects/invoice';
import { WireInvoice, WireInvoiceLineItem, WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { chargeInvoice } from './card-payments';
import { subscriptionTaxRates, taxLines } from './line-taxes';
import { discountsFor, spendOnceDiscounts, spreadDiscounts } from './subscription-discounts';
import { BillingPeriod } from './subscription-periods';

const RETRY_DELAY = 3 * 86_400;
const MAX_ATTEMPTS = 4;

export interface SubscriptionInvoiceSpec {
  id: string;
  subscription: WireSubscription;
  billingReason: Stripe.Invoice.BillingReason;
  lines: WireInvoiceLineItem[];
  /** The period the invoice closes (for a renewal, the one just ended). */
  period: BillingPeriod;
}

/**
 * Creates the subscription's draft invoice, with its discounts, pending prorations and the taxes
 * of its current default tax rates on every line (`invoice.created`).
 */
export function draftSubscriptionInvoice(
  account: StripeAccount,
  spec: SubscriptionInvoiceSpec,
  request: Stripe.Event.Request,
): WireInvoice {
  const now = unixNow();
  const pending = account.pendingInvoiceLines.get(spec.subscription.id) ?? [];
  account.pendingInvoiceLines.delete(spec.subscription.id);
  const lines = [...spec.lines, ...pending.map((line) => ({ ...line, invoice: spec.id }))];
  const discountable = lines.filter((line) => line.discountable).reduce((sum, line) => sum + line.amount, 0);
  const discounts = discountsFor(account, spec.subscription, discountable, now);
  spendOnceDiscounts(account, discounts, now);
  spreadDiscounts(lines, discounts);
  const taxRates = subscriptionTaxRates(account, spec.subscription);
  taxLines(lines, taxRates);
  const invoice = account.insert(
    buildDraftInvoice({
      id: spec.id,
      created: now,
      customer: account.get('customer', spec.subscription.customer as string),
      subscription: spec.subscription,
      billingReason: spec.billingReason,
      currency: spec.subscription.currency,
      lines,
      discounts,
      defaultTaxRates: taxRates,
      periodStart: spec.period.start,
      periodEnd: spec.period.end,
      baseUrl: account.baseUrl,
    }),
  );
  account.emit('invoice.created', invoice, request);
  return invoice;
}

/** Numbers the invoice, applies the customer's balance and opens it (`invoice.finalized`). */
export function finalizeInvoice(account: StripeAccount, invoice: WireInvoice, request: Stripe.Event.Request): void {
  const now = unixNow();
  const customer = account.get('customer', invoice.customer as string);
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  invoice.number = `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  invoice.ending_balance = Math.min(0, invoice.total + invoice.starting_balance);
  customer.balance = invoice.ending_balance;
  invoice.hosted_invoice_url = `${account.baseUrl}/invoices/${invoice.id}`;
  invoice.invoice_pdf = `${account.baseUrl}/invoices/${invoice.id}/pdf`;
  invoice.webhooks_delivered_at = now;
  account.emit('invoice.finalized', invoice, request);
}

/**
 * Tries to collect an open invoice. Nothing owed: paid at once. Otherwise one card attempt:
 * `charge.succeeded`, `invoice.paid`, `invoice.payment_succeeded`, or `charge.failed`,
 * `invoice.payment_failed` with the next retry three days on (none after the fourth attempt,
 * nor for a subscription's first invoice, which Stripe does not retry).
 */
export function collectInvoice(
  account: StripeAccount,
  invoice: WireInvoice,
  succeeds: boolean,
  request: Stripe.Event.Request,
): Stripe.Charge | null {
  const now = unixNow();
  invoice.attempted = true;
  if (invoice.amount_remaining === 0) {
    markPaid(invoice, now);
    account.emit('invoice.paid', invoice, request);
    account.emit('invoice.payment_succeeded', invoice, request);
    return null;
  }
  const { charge } = chargeInvoice(account, invoice, succeeds);
  invoice.attempt_count += 1;
  if (succeeds) {
    account.emit('charge.succeeded', charge, request);
    invoice.amount_paid += charge.amount;
    invoice.amount_remaining = 0;
    markPaid(invoice, now);
    account.emit('invoice.paid', invoice, request);
    account.emit('invoice.payment_succeeded', invoice, request);
  } else {
    account.emit('charge.failed', charge, request);
    const retries = invoice.billing_reason !== 'subscription_create' && invoice.attempt_count < MAX_ATTEMPTS;
    invoice.next_payment_attempt = retries ? now + RETRY_DELAY : null;
    account.emit('invoice.payment_failed', invoice, request);
  }
  return charge;
}

function markPaid(invoice: WireInvoice, now: number): void {
  invoice.status = 'paid';
  invoice.status_transitions.paid_at = now;
  invoice.auto_advance = false;
  invoice.next_payment_attempt = null;
}
