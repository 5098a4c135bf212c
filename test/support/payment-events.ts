import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  PaymentLeftUnapplied,
  PaymentLeftUnappliedEvent,
  PaymentRailName,
  PaymentRefunded,
  PaymentRefundedEvent,
  PaymentStream,
  PaymentSucceeded,
  PaymentSucceededEvent,
} from '@libs/contracts';
import { envelopeOf } from './finance-events';

/** A payment as the payments service knows it: who asked (stream and reference), on which rail, how much. */
export interface TestPayment {
  tenantId: string;
  paymentId: string;
  attemptId: string;
  rail: PaymentRailName;
  stream: PaymentStream;
  reference: string;
  currency: string;
  /** Minor units, VAT included. */
  amount: bigint;
}

export function makePayment(
  tenantId: string,
  payment: Pick<TestPayment, 'rail' | 'stream' | 'amount'> & Partial<TestPayment>,
): TestPayment {
  return {
    tenantId,
    paymentId: randomUUID(),
    attemptId: randomUUID(),
    reference: `ref-${randomUUID()}`,
    currency: 'VND',
    ...payment,
  };
}

function factsOf(p: TestPayment) {
  return {
    paymentId: p.paymentId,
    attemptId: p.attemptId,
    rail: p.rail,
    purpose: { stream: p.stream, reference: p.reference, description: `Payment for ${p.reference}` },
    currency: p.currency,
  };
}

/** PaymentSucceeded as the payments service publishes it: one line, VAT at 10 % of the net. */
export function paymentSucceeded(p: TestPayment, succeededAt: string): EventEnvelope<PaymentSucceededEvent> {
  const vat = p.amount / 11n;
  return envelopeOf(
    PaymentSucceeded,
    p.tenantId,
    {
      ...factsOf(p),
      amount: p.amount.toString(),
      vatAmount: vat.toString(),
      providerTransactionId: `txn-${randomUUID()}`,
      buyer: null,
      lines: [
        {
          description: `Payment for ${p.reference}`,
          quantity: 1,
          amount: (p.amount - vat).toString(),
          vatRateBasisPoints: 1000,
          vatAmount: vat.toString(),
        },
      ],
      succeededAt,
    },
    succeededAt,
  );
}

/** PaymentRefunded for one refund of `amount`, `refundedTotal` being everything refunded so far, this one included. */
export function paymentRefunded(
  p: TestPayment,
  refund: { amount: bigint; refundedTotal: bigint; refundedAt: string; refundId?: string },
): EventEnvelope<PaymentRefundedEvent> {
  return envelopeOf(
    PaymentRefunded,
    p.tenantId,
    {
      ...factsOf(p),
      refundId: refund.refundId ?? randomUUID(),
      amount: refund.amount.toString(),
      refundedTotal: refund.refundedTotal.toString(),
      paymentAmount: p.amount.toString(),
      providerRefundId: `rf-${randomUUID()}`,
      reason: 'asked by the payer',
      refundedAt: refund.refundedAt,
    },
    refund.refundedAt,
  );
}

/** PaymentLeftUnapplied as subscriptions publishes it when it will never apply a payment it asked for. */
export function paymentLeftUnapplied(
  p: TestPayment,
  succeededAt: string,
  reason = 'the invoice is void: the money is held for a refund',
): EventEnvelope<PaymentLeftUnappliedEvent> {
  if (p.stream !== 'subscriptions' && p.stream !== 'gifts')
    throw new Error(`subscriptions asks for no ${p.stream} payment`);
  return envelopeOf(
    PaymentLeftUnapplied,
    p.tenantId,
    {
      paymentId: p.paymentId,
      rail: p.rail,
      stream: p.stream,
      reference: p.reference,
      invoiceId: null,
      giftPurchaseId: null,
      currency: p.currency,
      amount: p.amount.toString(),
      reason,
      succeededAt,
    },
    succeededAt,
  );
}
