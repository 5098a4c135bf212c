import { FieldError, TRANSFER_REFERENCE_IN_TEXT } from '@libs/contracts';

/** A Stripe balance transaction as imported (from the API or a report), amounts in minor units. */
export interface ImportedBalanceTransaction {
  id: string;
  createdAt: Date;
  availableOn: Date | null;
  /** ISO code, upper case. */
  currency: string;
  amount: bigint;
  fee: bigint;
  net: bigint;
  reportingCategory: string;
  /** The API's `type`; Stripe's reports have only the reporting category. */
  type: string | null;
  sourceId: string | null;
  description: string | null;
  payoutId: string | null;
}

export interface ImportedPayout {
  id: string;
  createdAt: Date;
  /** `YYYY-MM-DD`. */
  arrivalDate: string;
  currency: string;
  /** Positive: what left the Stripe balance for the bank. */
  amount: bigint;
  status: string;
  statementDescriptor: string | null;
  balanceTransactionId: string | null;
}

/** One booked line of a bank statement: credits positive, debits negative. */
export interface ImportedBankLine {
  /** The bank's own reference of the line, unique per agency: the same line imported twice is one line. */
  reference: string;
  /** `YYYY-MM-DD`. */
  bookedOn: string;
  amount: bigint;
  currency: string;
  counterparty: string | null;
  remittance: string | null;
  /** A Stripe payout id the line names (`po_…`), if any. */
  payoutReference: string | null;
  /** A transfer reference a credit names (`RS…`, issued by a stream for what it bills), if any. */
  transferReference: string | null;
}

/** A whole file read, or every reason it cannot be (nothing of it is imported then). */
export type FileParse<T> = { ok: true; rows: T; skipped: number } | { ok: false; errors: FieldError[] };

/** Stops collecting after this many errors: the file is refused either way. */
export const MAX_REPORTED_ERRORS = 50;

const PAYOUT_ID = /\bpo_[A-Za-z0-9]{6,}\b/;

/** The Stripe payout a bank line names in any of its texts (Stripe puts it in the remittance). */
export function payoutReferenceIn(...texts: (string | null)[]): string | null {
  for (const text of texts) {
    const found = text ? PAYOUT_ID.exec(text) : null;
    if (found) return found[0];
  }
  return null;
}

/** The transfer reference a bank line names in any of its texts, in capitals (a payer may type it in lower case). */
export function transferReferenceIn(...texts: (string | null)[]): string | null {
  for (const text of texts) {
    const found = text ? TRANSFER_REFERENCE_IN_TEXT.exec(text) : null;
    if (found) return found[0].toUpperCase();
  }
  return null;
}
