import type { LedgerLine } from './ledger.service';

/** A debit of `amount` (minor units, positive) to an account. */
export function debit(accountCode: string, currency: string, amount: bigint): LedgerLine {
  return { accountCode, currency, amount };
}

/** A credit of `amount` (minor units, positive) to an account. */
export function credit(accountCode: string, currency: string, amount: bigint): LedgerLine {
  return { accountCode, currency, amount: -amount };
}

/** The lines worth posting: a zero tax or fee line says nothing. */
export function withoutZeros(lines: LedgerLine[]): LedgerLine[] {
  return lines.filter((line) => line.amount !== 0n);
}
