import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import {
  BankTransferReceived,
  BankTransferReceivedEvent,
  EventEnvelope,
  PaymentRefunded,
  PaymentRefundedEvent,
  PaymentSucceeded,
  PaymentSucceededEvent,
} from '@libs/contracts';
import { OrderPaymentsService } from './order-payments.service';

/** Money for orders' invoices as the payments service and finance tell it; one handler per event (ADR 0008). */
@Controller()
export class OrderPaymentsEventsController {
  constructor(private readonly payments: OrderPaymentsService) {}

  /** A payment on a rail that advertising asked for (other streams' are theirs). */
  @ConsumesEvent(PaymentSucceeded)
  onPaymentSucceeded(event: EventEnvelope<PaymentSucceededEvent>, tx: EventTransaction): Promise<void> {
    return this.payments.applyRailPayment(tx, event);
  }

  @ConsumesEvent(PaymentRefunded)
  onPaymentRefunded(event: EventEnvelope<PaymentRefundedEvent>, tx: EventTransaction): Promise<void> {
    return this.payments.applyRefund(tx, event);
  }

  /** A bank credit naming a transfer reference: an invoice's, or another stream's (then nothing happens). */
  @ConsumesEvent(BankTransferReceived)
  onBankTransferReceived(event: EventEnvelope<BankTransferReceivedEvent>, tx: EventTransaction): Promise<void> {
    return this.payments.applyBankTransfer(tx, event);
  }
}
