import type { AttemptStatus, PaymentStatus } from '@libs/contracts';
import type { AttemptReport } from '../rails/payment-rail';

export interface SettlementInput {
  payment: { status: PaymentStatus; succeededAttemptId: string | null };
  attempt: { id: string; status: AttemptStatus; amount: bigint; currency: string };
  report: Pick<AttemptReport, 'outcome' | 'amount' | 'currency' | 'failure'>;
}

/** What a rail's statement about an attempt does to the attempt and its payment. */
export type Settlement =
  /** The attempt paid the payment: both succeed, and the payment's success is published once. */
  | { kind: 'pays' }
  /** The attempt paid, but another attempt had already paid the payment: money to give back. */
  | { kind: 'paid-twice' }
  /** The attempt failed (declined, cancelled, expired at the rail); the payment stays open for another try. */
  | { kind: 'fails'; reason: string }
  /** The rail states another amount or currency than was asked: never paid; someone must look. */
  | { kind: 'amount-mismatch'; detail: string }
  /** The attempt is already where this statement would take it, or past it: nothing changes. */
  | { kind: 'already-settled' }
  /** Not paid yet; ask again later. */
  | { kind: 'still-pending' }
  /** The rail has never seen the attempt (the payer never reached it). */
  | { kind: 'unknown-at-rail' };

const PAID: ReadonlySet<PaymentStatus> = new Set(['succeeded', 'refunded', 'partially-refunded']);

/**
 * Settles an attempt by what its rail states. Money that arrives wins over an earlier failure or
 * expiry (the payer did pay); a failure never undoes a payment; an amount or currency other than
 * the one asked never pays; a second attempt paying an already paid payment is kept apart.
 */
export function settleAttempt({ payment, attempt, report }: SettlementInput): Settlement {
  switch (report.outcome) {
    case 'succeeded': {
      if (attempt.status === 'succeeded') return { kind: 'already-settled' };
      if (report.amount !== attempt.amount || report.currency !== attempt.currency)
        return {
          kind: 'amount-mismatch',
          detail:
            `the rail reported ${report.amount ?? 'no amount'} ${report.currency ?? ''}`.trimEnd() +
            `, not ${attempt.amount} ${attempt.currency}`,
        };
      if (PAID.has(payment.status) && payment.succeededAttemptId !== attempt.id) return { kind: 'paid-twice' };
      return { kind: 'pays' };
    }
    case 'failed':
      return attempt.status === 'started'
        ? { kind: 'fails', reason: report.failure ?? 'failed at the rail' }
        : { kind: 'already-settled' };
    case 'pending':
      return { kind: 'still-pending' };
    case 'not-found':
      return { kind: 'unknown-at-rail' };
  }
}
