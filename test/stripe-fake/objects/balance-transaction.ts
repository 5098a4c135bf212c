import Stripe from 'stripe';

export interface BalanceTransactionInput {
  id: string;
  created: number;
  amount: number;
  fee: number;
  currency: string;
  source: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  description: string | null;
  feeDescription: string;
}

/** Money moving in or out of the balance: `net = amount - fee`. Stripe gives these no metadata. */
export function buildBalanceTransaction(input: BalanceTransactionInput): Stripe.BalanceTransaction {
  return {
    id: input.id,
    object: 'balance_transaction',
    amount: input.amount,
    available_on: input.created + 2 * 86_400,
    balance_type: 'payments',
    created: input.created,
    currency: input.currency,
    description: input.description,
    exchange_rate: null,
    fee: input.fee,
    fee_details:
      input.fee === 0
        ? []
        : [
            {
              amount: input.fee,
              application: null,
              currency: input.currency,
              description: input.feeDescription,
              type: 'stripe_fee',
            },
          ],
    net: input.amount - input.fee,
    reporting_category: input.reportingCategory,
    source: input.source,
    status: 'pending',
    type: input.type,
  };
}
