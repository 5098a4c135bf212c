import Stripe from 'stripe';

export interface RefundInput {
  id: string;
  created: number;
  charge: Stripe.Charge;
  amount: number;
  balanceTransaction: string;
  reason: Stripe.Refund.Reason | null;
  metadata: Stripe.Metadata;
}

export function buildRefund(input: RefundInput): Stripe.Refund {
  const paymentIntent = input.charge.payment_intent;
  return {
    id: input.id,
    object: 'refund',
    amount: input.amount,
    balance_transaction: input.balanceTransaction,
    charge: input.charge.id,
    created: input.created,
    currency: input.charge.currency,
    customer: input.charge.customer,
    customer_account: null,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: input.metadata,
    payment_intent: typeof paymentIntent === 'string' || paymentIntent === null ? paymentIntent : paymentIntent.id,
    payment_method: input.charge.payment_method,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}
