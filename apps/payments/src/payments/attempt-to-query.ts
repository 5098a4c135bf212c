import type { AttemptToQuery } from '../rails/payment-rail';
import type { PaymentAttempt } from './payment-attempt.entity';

/** What a rail needs to find an attempt again (to query it or refund it). */
export function attemptToQueryOf(attempt: PaymentAttempt): AttemptToQuery {
  return {
    orderReference: attempt.orderReference,
    orderCode: Number(attempt.orderCode),
    providerTransactionId: attempt.providerTransactionId,
    createdAt: attempt.createdAt,
    clientIp: attempt.clientIp,
  };
}
