import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import {
  AgreementActivated,
  AgreementActivatedEvent,
  EventEnvelope,
  StatementIssued,
  StatementIssuedEvent,
  UsageCharged,
  UsageChargedEvent,
} from '@libs/contracts';
import { ArticleRevenueService } from '../article-revenue/article-revenue.service';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { LicensingRevenueService } from './licensing-revenue.service';

/** Content licensing as it reaches the books; one handler per event (see ADR 0008). */
@Controller()
export class LicensingEventsController {
  constructor(
    private readonly books: AgencyBooksLock,
    private readonly licensing: LicensingRevenueService,
    private readonly articleRevenue: ArticleRevenueService,
  ) {}

  @ConsumesEvent(AgreementActivated)
  async onAgreementActivated(event: EventEnvelope<AgreementActivatedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.licensing.activate(tx, event);
  }

  /** Books the usage, then records what each article used earned. */
  @ConsumesEvent(UsageCharged)
  async onUsageCharged(event: EventEnvelope<UsageChargedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.licensing.chargeUsage(tx, event);
    await this.articleRevenue.recordUsage(tx, event);
  }

  @ConsumesEvent(StatementIssued)
  async onStatementIssued(event: EventEnvelope<StatementIssuedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.licensing.issueStatement(tx, event);
  }
}
