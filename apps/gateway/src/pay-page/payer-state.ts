import type { PayerPaymentView } from '@libs/contracts';

/**
 * Where the payer stands: `waiting` while nothing is settled (no attempt yet, or one under way),
 * `failed` when their last attempt failed or lapsed and they may try again.
 */
export type PayerState = 'waiting' | 'paid' | 'expired' | 'failed';

export function payerStateOf(payment: PayerPaymentView, now: Date): PayerState {
  switch (payment.status) {
    case 'succeeded':
    case 'refunded':
    case 'partially-refunded':
      return 'paid';
    case 'expired':
      return 'expired';
    case 'open':
      break;
  }
  const attempt = payment.latestAttempt;
  // Money for an attempt under way still counts after the deadline: the payer waits for it.
  if (attempt?.status === 'started') return 'waiting';
  if (new Date(payment.expiresAt) <= now) return 'expired';
  if (attempt?.status === 'failed' || attempt?.status === 'expired') return 'failed';
  return 'waiting';
}
