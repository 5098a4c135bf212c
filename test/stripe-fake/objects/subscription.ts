import Stripe from 'stripe';
import { planOfPrice } from './price';
import { WirePrice, WireSubscription, WireSubscriptionItem } from './wire-types';

export interface SubscriptionItemInput {
  id: string;
  subscription: string;
  created: number;
  price: WirePrice;
  quantity: number;
  periodStart: number;
  periodEnd: number;
}

/** In this API version the billing period lives on each item, not on the subscription. */
export function buildSubscriptionItem(input: SubscriptionItemInput): WireSubscriptionItem {
  return {
    id: input.id,
    object: 'subscription_item',
    billing_thresholds: null,
    created: input.created,
    current_period_end: input.periodEnd,
    current_period_start: input.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planOfPrice(input.price),
    price: input.price,
    quantity: input.quantity,
    subscription: input.subscription,
    tax_rates: [],
  };
}

export interface SubscriptionInput {
  id: string;
  created: number;
  customer: string;
  currency: string;
  items: WireSubscriptionItem[];
  status: Stripe.Subscription.Status;
  trialStart: number | null;
  trialEnd: number | null;
  billingCycleAnchor: number;
  discounts: string[];
  /** Applied to every item (items have no `tax_rates` of their own in the fake). */
  defaultTaxRates: Stripe.TaxRate[];
  metadata: Stripe.Metadata;
  defaultPaymentMethod: string | null;
  latestInvoice: string | null;
}

export function buildSubscription(input: SubscriptionInput): WireSubscription {
  return {
    id: input.id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: input.billingCycleAnchor,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: 'included' }, type: 'flexible', updated_at: input.created },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: input.created,
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: input.defaultTaxRates,
    description: null,
    discounts: input.discounts,
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: {
      object: 'list',
      data: input.items,
      has_more: false,
      url: `/v1/subscription_items?subscription=${input.id}`,
    },
    latest_invoice: input.latestInvoice,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.created,
    status: input.status,
    test_clock: null,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: input.trialStart,
  };
}
