import Stripe from 'stripe';
import { buildBalanceTransaction } from './objects/balance-transaction';
import { buildPayout } from './objects/payout';
import { StripeAccount } from './stripe-account';
import { newStripeId } from './stripe-ids';

/** A balance transaction a test puts in the account's history (Stripe makes them; nothing here does). */
export interface SeededBalanceTransaction {
  id?: string;
  created: number;
  amount: number;
  fee?: number;
  currency: string;
  source?: string;
  type?: Stripe.BalanceTransaction.Type;
  reportingCategory?: string;
  description?: string | null;
}

export interface SeededPayout {
  id?: string;
  created: number;
  /** Unix seconds; two days after `created` when omitted. */
  arrivalDate?: number;
  amount: number;
  currency: string;
  status?: 'paid' | 'pending' | 'in_transit' | 'canceled' | 'failed';
  statementDescriptor?: string | null;
}

export function seedBalanceTransactions(
  account: StripeAccount,
  seeds: SeededBalanceTransaction[],
): Stripe.BalanceTransaction[] {
  return seeds.map((seed) =>
    account.insert(
      buildBalanceTransaction({
        id: seed.id ?? newStripeId('txn_'),
        created: seed.created,
        amount: seed.amount,
        fee: seed.fee ?? 0,
        currency: seed.currency.toLowerCase(),
        source: seed.source ?? newStripeId('ch_'),
        type: seed.type ?? 'charge',
        reportingCategory: seed.reportingCategory ?? seed.type ?? 'charge',
        description: seed.description ?? null,
        feeDescription: 'Stripe processing fees',
      }),
    ),
  );
}

/** Payouts of the balance, each with the negative balance transaction Stripe records for it. */
export function seedPayouts(account: StripeAccount, seeds: SeededPayout[]): Stripe.Payout[] {
  return seeds.map((seed) => {
    const id = seed.id ?? newStripeId('po_');
    const [transaction] = seedBalanceTransactions(account, [
      {
        created: seed.created,
        amount: -seed.amount,
        currency: seed.currency,
        source: id,
        type: 'payout',
        reportingCategory: 'payout',
        description: 'STRIPE PAYOUT',
      },
    ]);
    return account.insert(
      buildPayout({
        id,
        created: seed.created,
        arrivalDate: seed.arrivalDate ?? seed.created + 2 * 86_400,
        amount: seed.amount,
        currency: seed.currency.toLowerCase(),
        status: seed.status ?? 'paid',
        statementDescriptor: seed.statementDescriptor ?? null,
        balanceTransaction: transaction.id,
      }),
    );
  });
}
