import Stripe from 'stripe';

export interface ChargeInput {
  id: string;
  created: number;
  amount: number;
  currency: string;
  /** Who paid: the customer, or only what the buyer typed on the payment page (payment mode without a customer). */
  payer: { customer: string | null; email: string | null; name: string | null };
  paymentIntent: string;
  paymentMethod: string;
  description: string;
  succeeded: boolean;
  balanceTransaction: string | null;
  receiptUrl: string;
}

const APPROVED: Stripe.Charge.Outcome = {
  advice_code: null,
  network_advice_code: null,
  network_decline_code: null,
  network_status: 'approved_by_network',
  reason: null,
  risk_level: 'normal',
  seller_message: 'Payment complete.',
  type: 'authorized',
};

const DECLINED: Stripe.Charge.Outcome = {
  advice_code: 'try_again_later',
  network_advice_code: null,
  network_decline_code: null,
  network_status: 'declined_by_network',
  reason: 'generic_decline',
  risk_level: 'normal',
  seller_message: 'The bank did not return any further details with this decline.',
  type: 'issuer_declined',
};

/** A card charge: one attempt to collect a payment intent, succeeded or declined. */
export function buildCharge(input: ChargeInput): Stripe.Charge {
  return {
    id: input.id,
    object: 'charge',
    amount: input.amount,
    amount_captured: input.succeeded ? input.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: input.balanceTransaction,
    billing_details: { address: null, email: input.payer.email, name: input.payer.name, phone: null, tax_id: null },
    calculated_statement_descriptor: 'FAKE STRIPE',
    captured: input.succeeded,
    created: input.created,
    currency: input.currency,
    customer: input.payer.customer,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: input.succeeded ? null : 'card_declined',
    failure_message: input.succeeded ? null : 'Your card was declined.',
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: input.succeeded ? APPROVED : DECLINED,
    paid: input.succeeded,
    payment_intent: input.paymentIntent,
    payment_method: input.paymentMethod,
    payment_method_details: { type: 'card' },
    receipt_email: null,
    receipt_number: null,
    receipt_url: input.receiptUrl,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: input.succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}
