import Stripe from 'stripe';

export interface PayoutInput {
  id: string;
  created: number;
  arrivalDate: number;
  amount: number;
  currency: string;
  status: 'paid' | 'pending' | 'in_transit' | 'canceled' | 'failed';
  statementDescriptor: string | null;
  balanceTransaction: string | null;
}

/** An automatic payout of the balance to the account's bank (`ba_` destination), as Stripe shows it. */
export function buildPayout(input: PayoutInput): Stripe.Payout {
  return {
    id: input.id,
    object: 'payout',
    amount: input.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: input.arrivalDate,
    automatic: true,
    balance_transaction: input.balanceTransaction,
    created: input.created,
    currency: input.currency,
    description: 'STRIPE PAYOUT',
    destination: 'ba_fake_bank_account',
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    method: 'standard',
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'completed',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: input.statementDescriptor,
    status: input.status,
    trace_id: null,
    type: 'bank_account',
  };
}
