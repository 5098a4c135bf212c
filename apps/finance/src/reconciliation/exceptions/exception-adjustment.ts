import { PaymentRailName, ReconciliationScope } from '@libs/contracts';
import { BANK, CLEARING_ACCOUNT, STRIPE_BALANCE } from '../../accounts/account-codes';
import { LedgerLine } from '../../ledger/ledger.service';

export interface Difference {
  scope: ReconciliationScope;
  /** The rail of a rail-ledger difference. */
  rail: PaymentRailName | null;
  statementCurrency: string | null;
  statementAmount: bigint | null;
  bookedCurrency: string | null;
  bookedAmount: bigint | null;
}

/**
 * The account a scope reconciles: Stripe's balance against the books, the bank against the
 * payouts booked to it, or a rail's clearing account against the rail's report.
 */
export function reconciledAccountOf(scope: ReconciliationScope, rail: PaymentRailName | null): string {
  switch (scope) {
    case 'stripe-ledger':
      return STRIPE_BALANCE;
    case 'payout-bank':
      return BANK;
    case 'rail-ledger':
      if (!rail) throw new Error('a rail-ledger difference names its rail');
      return CLEARING_ACCOUNT[rail];
  }
}

/**
 * The lines that make the books say what the statement says: per currency, the statement's
 * amount less the booked one goes to the reconciled account, against `accountCode`. A currency
 * mismatch takes back the booked amount in its currency and books the statement's in its own;
 * a duplicate booking (no statement amount) takes the second booking back.
 */
export function adjustmentLines(difference: Difference, accountCode: string): LedgerLine[] {
  const deltas = new Map<string, bigint>();
  if (difference.statementCurrency && difference.statementAmount !== null) {
    deltas.set(difference.statementCurrency, difference.statementAmount);
  }
  if (difference.bookedCurrency && difference.bookedAmount !== null) {
    deltas.set(difference.bookedCurrency, (deltas.get(difference.bookedCurrency) ?? 0n) - difference.bookedAmount);
  }
  const reconciled = reconciledAccountOf(difference.scope, difference.rail);
  return [...deltas]
    .filter(([, delta]) => delta !== 0n)
    .flatMap(([currency, delta]) => [
      { accountCode: reconciled, currency, amount: delta },
      { accountCode, currency, amount: -delta },
    ]);
}
