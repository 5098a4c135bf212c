import { ReconciliationScope } from '@libs/contracts';
import { BANK, STRIPE_BALANCE } from '../../accounts/account-codes';
import { LedgerLine } from '../../ledger/ledger.service';

export interface Difference {
  scope: ReconciliationScope;
  statementCurrency: string | null;
  statementAmount: bigint | null;
  bookedCurrency: string | null;
  bookedAmount: bigint | null;
}

/** The account a scope reconciles: Stripe's balance against the books, or the bank against the payouts booked to it. */
export function reconciledAccountOf(scope: ReconciliationScope): string {
  return scope === 'stripe-ledger' ? STRIPE_BALANCE : BANK;
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
  const reconciled = reconciledAccountOf(difference.scope);
  return [...deltas]
    .filter(([, delta]) => delta !== 0n)
    .flatMap(([currency, delta]) => [
      { accountCode: reconciled, currency, amount: delta },
      { accountCode, currency, amount: -delta },
    ]);
}
