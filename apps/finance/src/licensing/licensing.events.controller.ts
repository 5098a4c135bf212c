import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  AgreementActivated,
  AgreementActivatedEvent,
  EventEnvelope,
  StatementIssued,
  StatementIssuedEvent,
  UsageCharged,
  UsageChargedEvent,
} from '@libs/contracts';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { LicensingRevenueService } from './licensing-revenue.service';

@Controller()
export class LicensingEventsController {
  constructor(
    private readonly licensing: LicensingRevenueService,
    private readonly books: AgencyBooksLock,
  ) {}

  @ConsumesEvent(AgreementActivated)
  async bookAgreement(event: EventEnvelope<AgreementActivatedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.licensing.activate(tx, event);
  }

  @ConsumesEvent(UsageCharged)
  async bookUsage(event: EventEnvelope<UsageChargedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.licensing.chargeUsage(tx, event);
  }

  @ConsumesEvent(StatementIssued)
  async bookStatement(event: EventEnvelope<StatementIssuedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.licensing.issueStatement(tx, event);
  }
}
