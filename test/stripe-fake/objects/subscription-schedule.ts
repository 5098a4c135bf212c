import Stripe from 'stripe';
import { WireSubscription } from './wire-types';

export interface SchedulePhaseInput {
  start: number;
  end: number;
  currency: string;
  items: { price: string; quantity: number }[];
  defaultTaxRates: Stripe.TaxRate[];
  prorationBehavior: Stripe.SubscriptionSchedule.Phase.ProrationBehavior;
  metadata: Stripe.Metadata;
}

/** One phase as Stripe answers it: items name their price (and its legacy plan) by id. */
export function buildSchedulePhase(input: SchedulePhaseInput): Stripe.SubscriptionSchedule.Phase {
  return {
    add_invoice_items: [],
    application_fee_percent: null,
    billing_cycle_anchor: null,
    billing_thresholds: null,
    collection_method: null,
    currency: input.currency,
    default_payment_method: null,
    default_tax_rates: input.defaultTaxRates,
    description: null,
    discounts: [],
    end_date: input.end,
    invoice_settings: null,
    items: input.items.map((item) => ({
      billing_thresholds: null,
      discounts: [],
      metadata: {},
      plan: item.price,
      price: item.price,
      quantity: item.quantity,
      tax_rates: [],
    })),
    metadata: input.metadata,
    on_behalf_of: null,
    proration_behavior: input.prorationBehavior,
    start_date: input.start,
    transfer_data: null,
    trial_end: null,
  };
}

export interface SubscriptionScheduleInput {
  id: string;
  created: number;
  subscription: WireSubscription;
  phases: Stripe.SubscriptionSchedule.Phase[];
  metadata: Stripe.Metadata;
}

/** An `active` schedule managing `subscription` (the fake makes schedules `from_subscription` only). */
export function buildSubscriptionSchedule(input: SubscriptionScheduleInput): Stripe.SubscriptionSchedule {
  const { subscription } = input;
  const [first] = input.phases;
  return {
    id: input.id,
    object: 'subscription_schedule',
    application: null,
    billing_mode: subscription.billing_mode,
    canceled_at: null,
    completed_at: null,
    created: input.created,
    current_phase: { start_date: first.start_date, end_date: first.end_date },
    customer: subscription.customer,
    customer_account: null,
    default_settings: {
      application_fee_percent: null,
      automatic_tax: { disabled_reason: null, enabled: false, liability: null },
      billing_cycle_anchor: 'automatic',
      billing_thresholds: null,
      collection_method: subscription.collection_method,
      default_payment_method: subscription.default_payment_method,
      description: subscription.description,
      invoice_settings: {
        account_tax_ids: null,
        custom_fields: null,
        days_until_due: null,
        description: null,
        footer: null,
        issuer: { type: 'self' },
      },
      on_behalf_of: null,
      transfer_data: null,
    },
    end_behavior: 'release',
    livemode: false,
    metadata: input.metadata,
    pause_schedules: [],
    phases: input.phases,
    released_at: null,
    released_subscription: null,
    status: 'active',
    subscription: subscription.id,
    test_clock: null,
  };
}
