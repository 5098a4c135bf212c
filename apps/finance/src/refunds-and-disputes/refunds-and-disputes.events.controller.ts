import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  ChargeRefunded, ChargeRefundedEvent, DisputeClosed, DisputeClosedEvent, DisputeOpened, DisputeOpenedEvent, EventEnvelope,
} from '@libs/contracts';
import { RefundsAndDisputesService } from './refunds-and-disputes.service';

@Controller()
export class RefundsAndDisputesEventsController {
  constructor(private readonly refunds: RefundsAndDisputesService) {}

  @ConsumesEvent(ChargeRefunded)
  bookRefund(event: EventEnvelope<ChargeRefundedEvent>, tx: EntityManager): Promise<void> {
    return this.refunds.refund(tx, event);
  }

  @ConsumesEvent(DisputeOpened)
  bookDisputeOpened(event: EventEnvelope<DisputeOpenedEvent>, tx: EntityManager): Promise<void> {
    return this.refunds.openDispute(tx, event);
  }

  @ConsumesEvent(DisputeClosed)
  bookDisputeClosed(event: EventEnvelope<DisputeClosedEvent>, tx: EntityManager): Promise<void> {
    return this.refunds.closeDispute(tx, event);
  }
}
