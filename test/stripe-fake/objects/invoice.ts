import Stripe from 'stripe';
import { WireInvoice, WireInvoiceLineItem } from './wire-types';

export interface InvoiceDiscount {
  discount: string;
  amount: number;
}

export interface InvoiceInput {
  id: string;
  created: number;
  customer: Stripe.Customer;
  subscription: { id: string; metadata: Stripe.Metadata } | null;
  billingReason: Stripe.Invoice.BillingReason;
  currency: string;
  lines: WireInvoiceLineItem[];
  discounts: InvoiceDiscount[];
  /** The subscription's rates, which the lines' `taxes` were computed with. */
  defaultTaxRates: Stripe.TaxRate[];
  periodStart: number;
  periodEnd: number;
  baseUrl: string;
}

/**
 * A draft invoice. In this API version the subscription is under `parent.subscription_details`
 * and payments are `invoice_payment` objects (the `payments` list), not `charge`/`payment_intent`.
 * Line amounts contain their inclusive taxes; exclusive taxes are added to `total`.
 */
export function buildDraftInvoice(input: InvoiceInput): WireInvoice {
  const subtotal = input.lines.reduce((sum, line) => sum + line.amount, 0);
  const discountTotal = input.discounts.reduce((sum, entry) => sum + entry.amount, 0);
  const taxes = input.lines.flatMap((line) => line.taxes ?? []);
  const inclusiveTax = sumOf(taxes.filter((tax) => tax.tax_behavior === 'inclusive'));
  const exclusiveTax = sumOf(taxes.filter((tax) => tax.tax_behavior === 'exclusive'));
  const total = subtotal - discountTotal + exclusiveTax;
  const applied = total + input.customer.balance;
  const amountDue = Math.max(0, applied);
  return {
    id: input.id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Fake Stripe',
    account_tax_ids: null,
    amount_due: amountDue,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amountDue,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: 'charge_automatically',
    confirmation_secret: null,
    created: input.created,
    currency: input.currency,
    custom_fields: null,
    customer: input.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: input.customer.email,
    customer_name: input.customer.name ?? null,
    customer_phone: input.customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: input.defaultTaxRates,
    description: null,
    discounts: input.discounts.map((entry) => entry.discount),
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: input.lines, has_more: false, url: `/v1/invoices/${input.id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: input.subscription && {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: input.subscription.metadata, subscription: input.subscription.id },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: input.customer.balance,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal,
    subtotal_excluding_tax: subtotal - inclusiveTax,
    test_clock: null,
    total,
    total_discount_amounts: input.discounts.map((entry) => ({ amount: entry.amount, discount: entry.discount })),
    total_excluding_tax: subtotal - discountTotal - inclusiveTax,
    total_pretax_credit_amounts: input.discounts.map((entry) => ({
      amount: entry.amount,
      discount: entry.discount,
      type: 'discount',
    })),
    total_taxes: totalTaxes(taxes),
    webhooks_delivered_at: null,
  };
}

function sumOf(taxes: Stripe.InvoiceLineItem.Tax[]): number {
  return taxes.reduce((sum, tax) => sum + tax.amount, 0);
}

/** The lines' taxes summed per tax rate (and behavior), in the order the rates first appear. */
function totalTaxes(taxes: Stripe.InvoiceLineItem.Tax[]): Stripe.Invoice.TotalTax[] {
  const byRate = new Map<string, Stripe.Invoice.TotalTax>();
  for (const tax of taxes) {
    const key = `${tax.tax_rate_details?.tax_rate ?? ''} ${tax.tax_behavior}`;
    const total = byRate.get(key);
    if (total) {
      total.amount += tax.amount;
      total.taxable_amount = (total.taxable_amount ?? 0) + (tax.taxable_amount ?? 0);
    } else {
      byRate.set(key, { ...tax, tax_rate_details: tax.tax_rate_details && { ...tax.tax_rate_details } });
    }
  }
  return [...byRate.values()];
}
