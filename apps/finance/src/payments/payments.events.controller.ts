import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import {
  EventEnvelope,
  PaymentLeftUnapplied,
  PaymentLeftUnappliedEvent,
  PaymentRefunded,
  PaymentRefundedEvent,
  PaymentSucceeded,
  PaymentSucceededEvent,
} from '@libs/contracts';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { PaymentPostingsService } from './payment-postings.service';

/**
 * Payments on the Vietnamese rails as they reach the books; one handler per event (see ADR 0008).
 * A failed payment moved no money: finance does not consume it. A payment subscriptions leaves
 * unapplied (its own event) is held as unapplied receipts.
 */
@Controller()
export class PaymentsEventsController {
  constructor(
    private readonly books: AgencyBooksLock,
    private readonly payments: PaymentPostingsService,
  ) {}

  @ConsumesEvent(PaymentSucceeded)
  async onPaymentSucceeded(event: EventEnvelope<PaymentSucceededEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.payments.receive(tx, event);
  }

  @ConsumesEvent(PaymentLeftUnapplied)
  async onPaymentLeftUnapplied(event: EventEnvelope<PaymentLeftUnappliedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.payments.holdUnapplied(tx, event);
  }

  @ConsumesEvent(PaymentRefunded)
  async onPaymentRefunded(event: EventEnvelope<PaymentRefundedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.payments.refund(tx, event);
  }
}
