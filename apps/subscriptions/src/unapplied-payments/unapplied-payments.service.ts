import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { EventEnvelope, PaymentLeftUnapplied, PaymentSucceededEvent } from '@libs/contracts';

/** What a payment left unapplied named of the agency's, and why it is not applied. */
export interface UnappliedPayment {
  reason: string;
  /** The invoice its reference names, when the agency has it. */
  invoiceId?: string | null;
  /** The gift purchase its reference names, when the agency has it. */
  giftPurchaseId?: string | null;
}

/**
 * A succeeded payment for an invoice or a gift purchase that subscriptions will never apply: the
 * money is the payer's, to be refunded. Told to finance (PaymentLeftUnapplied) through the outbox,
 * in the transaction that decided it, so finance holds it as unapplied receipts and books its
 * refund against them; no invoice paid or gift made will ever name that payment.
 */
@Injectable()
export class UnappliedPaymentsService {
  private readonly logger = new Logger(UnappliedPaymentsService.name);

  constructor(private readonly outbox: EventOutbox) {}

  async leave(tx: EntityManager, event: EventEnvelope<PaymentSucceededEvent>, left: UnappliedPayment): Promise<void> {
    const { paymentId, purpose } = event.data;
    if (purpose.stream !== 'subscriptions' && purpose.stream !== 'gifts') return;
    this.logger.warn(
      `payment ${paymentId} for ${purpose.stream} ${purpose.reference} is left unapplied: ${left.reason}`,
    );
    await this.outbox.add(tx, PaymentLeftUnapplied, {
      tenantId: event.tenantId,
      subject: paymentId,
      time: new Date(event.data.succeededAt),
      data: {
        paymentId,
        rail: event.data.rail,
        stream: purpose.stream,
        reference: purpose.reference,
        invoiceId: left.invoiceId ?? null,
        giftPurchaseId: left.giftPurchaseId ?? null,
        currency: event.data.currency,
        amount: event.data.amount,
        reason: left.reason,
        succeededAt: event.data.succeededAt,
      },
    });
  }
}
