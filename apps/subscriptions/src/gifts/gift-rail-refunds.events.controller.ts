import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, PaymentRefunded, PaymentRefundedEvent } from '@libs/contracts';
import { GiftRailRefundsService } from './gift-rail-refunds.service';

/** Refunds on the rails of payments subscriptions asked for: a gift's full refund revokes it (see GiftRailRefundsService). */
@Controller()
export class GiftRailRefundsEventsController {
  constructor(private readonly refunds: GiftRailRefundsService) {}

  @ConsumesEvent(PaymentRefunded)
  async onPaymentRefunded(event: EventEnvelope<PaymentRefundedEvent>, tx: EventTransaction): Promise<void> {
    await this.refunds.applyRefund(tx, event);
  }
}
