import type { PayerPaymentView, PaymentAttemptView, PaymentView } from '@libs/contracts';
import { PaymentAttempt } from './payment-attempt.entity';
import { Payment } from './payment.entity';

export function attemptViewOf(attempt: PaymentAttempt): PaymentAttemptView {
  return {
    id: attempt.id,
    rail: attempt.rail,
    status: attempt.status,
    orderReference: attempt.orderReference,
    redirectUrl: attempt.redirectUrl,
    qrCode: attempt.qrCode,
    providerTransactionId: attempt.providerTransactionId,
    failure: attempt.failure,
    createdAt: attempt.createdAt.toISOString(),
  };
}

export function paymentViewOf(payment: Payment, attempts: PaymentAttempt[], payPageUrl: string): PaymentView {
  return {
    id: payment.id,
    status: payment.status,
    amount: payment.amount,
    currency: payment.currency,
    refundedAmount: payment.refundedAmount,
    purpose: { stream: payment.purposeStream, reference: payment.purposeReference, description: payment.description },
    buyer: payment.buyer,
    lines: payment.lines,
    rails: payment.rails,
    returnUrl: payment.returnUrl,
    payPageUrl,
    attempts: attempts.map(attemptViewOf),
    createdAt: payment.createdAt.toISOString(),
    expiresAt: payment.expiresAt.toISOString(),
    succeededAt: payment.succeededAt?.toISOString() ?? null,
  };
}

/** `attempts` oldest first, as the repository gives them: the payer sees the last. */
export function payerViewOf(payment: Payment, attempts: PaymentAttempt[]): PayerPaymentView {
  const latest = attempts.at(-1);
  return {
    id: payment.id,
    status: payment.status,
    amount: payment.amount,
    currency: payment.currency,
    description: payment.description,
    rails: payment.rails,
    expiresAt: payment.expiresAt.toISOString(),
    returnUrl: payment.returnUrl,
    latestAttempt: latest ? attemptViewOf(latest) : null,
  };
}
