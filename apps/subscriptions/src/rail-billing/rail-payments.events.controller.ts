import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, PaymentSucceeded, PaymentSucceededEvent } from '@libs/contracts';
import { GiftRailPaymentsService } from '../gifts/gift-rail-payments.service';
import { RailInvoicePaymentsService } from './rail-invoice-payments.service';

/** Payments on the rails that subscriptions asked for (its invoices and gifts); other streams' are theirs. */
@Controller()
export class RailPaymentsEventsController {
  constructor(
    private readonly payments: RailInvoicePaymentsService,
    private readonly giftPayments: GiftRailPaymentsService,
  ) {}

  @ConsumesEvent(PaymentSucceeded)
  async onPaymentSucceeded(event: EventEnvelope<PaymentSucceededEvent>, tx: EventTransaction): Promise<void> {
    if (event.data.purpose.stream === 'gifts') return this.giftPayments.applyPayment(tx, event);
    if (event.data.purpose.stream !== 'subscriptions') return;
    await this.payments.applyPayment(tx, event);
  }
}
