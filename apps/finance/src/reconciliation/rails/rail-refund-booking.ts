import type { EventEnvelope, PaymentRefundedEvent } from '@libs/contracts';
import { parseMinorUnits } from '@libs/common';
import type { RailBooking } from './rail-ledger-key.repository';

/** The pair of a rail's refund and the entry booking it, whichever entry that is (reversal or revenue refund). */
export function railRefundBooking(
  event: EventEnvelope<PaymentRefundedEvent>,
  sourceKey: string,
  entryId: string,
): RailBooking {
  const { rail, paymentId, currency } = event.data;
  return {
    tenantId: event.tenantId,
    rail,
    movement: 'refund',
    railTransactionId: event.data.providerRefundId,
    sourceKey,
    entryId,
    paymentId,
    currency,
    amount: -parseMinorUnits(event.data.amount),
    occurredAt: new Date(event.data.refundedAt),
  };
}
