import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
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
import { LedgerKeysService } from '../reconciliation/ledger-keys/ledger-keys.service';
import { RefundsAndDisputesService } from './refunds-and-disputes.service';

/**
 * Money going back to readers. Each event's one handler holds the agency's books, books the entry,
 * then records which Stripe movement that entry books, in the event's transaction (see ADR 0008).
 */
@Controller()
export class RefundsAndDisputesEventsController {
  constructor(
    private readonly books: AgencyBooksLock,
    private readonly refunds: RefundsAndDisputesService,
    private readonly ledgerKeys: LedgerKeysService,
  ) {}

  @ConsumesEvent(ChargeRefunded)
  async onChargeRefunded(event: EventEnvelope<ChargeRefundedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.refunds.refund(tx, event);
    await this.ledgerKeys.recordRefund(tx, event);
  }

  @ConsumesEvent(DisputeOpened)
  async onDisputeOpened(event: EventEnvelope<DisputeOpenedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.refunds.openDispute(tx, event);
    await this.ledgerKeys.recordDisputeWithdrawal(tx, event);
  }

  @ConsumesEvent(DisputeClosed)
  async onDisputeClosed(event: EventEnvelope<DisputeClosedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.refunds.closeDispute(tx, event);
    await this.ledgerKeys.recordDisputeReinstatement(tx, event);
  }
}
