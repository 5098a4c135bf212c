import Stripe from 'stripe';
import { WireCheckoutSession } from './wire-types';

export interface CheckoutSessionInput {
  id: string;
  mode: 'payment' | 'subscription';
  /** Payment mode only: whether completing makes a customer (`always`) or not (`if_required`). */
  customerCreation: Stripe.Checkout.Session.CustomerCreation | null;
  created: number;
  url: string;
  currency: string;
  amountSubtotal: number;
  amountDiscount: number;
  /** All taxes, inclusive ones too (`total_details.amount_tax`). */
  amountTax: number;
  /** The exclusive part of `amountTax`, which is added to `amount_total`. */
  amountExclusiveTax: number;
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  metadata: Stripe.Metadata;
  discounts: Stripe.Checkout.Session.Discount[];
  allowPromotionCodes: boolean | null;
}

/** What payment mode answers for `invoice_creation` when none was asked for. */
const NO_INVOICE: Stripe.Checkout.Session.InvoiceCreation = {
  enabled: false,
  invoice_data: {
    account_tax_ids: null,
    custom_fields: null,
    description: null,
    footer: null,
    issuer: null,
    metadata: {},
    rendering_options: null,
  },
};

/** A Checkout Session (`mode: 'subscription'` or `'payment'`) on Stripe's hosted page, still open. */
export function buildCheckoutSession(input: CheckoutSessionInput): WireCheckoutSession {
  return {
    id: input.id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: input.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: input.amountSubtotal,
    amount_total: input.amountSubtotal - input.amountDiscount + input.amountExclusiveTax,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customerCreation,
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: input.discounts,
    expires_at: input.created + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: input.mode === 'payment' ? NO_INVOICE : null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: input.amountDiscount, amount_shipping: 0, amount_tax: input.amountTax },
    ui_mode: 'hosted_page',
    url: input.url,
    wallet_options: null,
  };
}
