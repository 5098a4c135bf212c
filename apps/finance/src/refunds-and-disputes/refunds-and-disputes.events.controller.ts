import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  ChargeRefunded,
  ChargeRefundedEvent,
  DisputeClosed,
  DisputeClosedEvent,
  DisputeOpened,
  DisputeOpenedEvent,
  EventEnvelope,
} from '@libs/contracts';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { RefundsAndDisputesService } from './refunds-and-disputes.service';

@Controller()
export class RefundsAndDisputesEventsController {
  constructor(
    private readonly refunds: RefundsAndDisputesService,
    private readonly books: AgencyBooksLock,
  ) {}

  @ConsumesEvent(ChargeRefunded)
  async bookRefund(event: EventEnvelope<ChargeRefundedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.refunds.refund(tx, event);
  }

  @ConsumesEvent(DisputeOpened)
  async bookDisputeOpened(event: EventEnvelope<DisputeOpenedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.refunds.openDispute(tx, event);
  }

  @ConsumesEvent(DisputeClosed)
  async bookDisputeClosed(event: EventEnvelope<DisputeClosedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.refunds.closeDispute(tx, event);
  }
}
