import { Controller } from '@nestjs/common';
import { ConsumesEvent, ConsumesEventsInBatches, EventTransaction } from '@libs/common';
import {
  EventEnvelope,
  InvoiceFinalized,
  InvoiceFinalizedEvent,
  InvoicePaid,
  InvoicePaidEvent,
  InvoiceVoided,
  InvoiceVoidedEvent,
} from '@libs/contracts';
import { ArticleRevenueService } from '../article-revenue/article-revenue.service';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { LedgerKeysService } from '../reconciliation/ledger-keys/ledger-keys.service';
import { SubscriptionInvoicesService } from './subscription-invoices.service';

/**
 * Subscription invoices as they reach finance: billed, paid, voided (each once per invoice). Each
 * event has this one handler in the service, which calls its effects in order in the transaction
 * that records the event in the inbox (see ADR 0008). Invoices are billed and paid in bursts
 * (renewals at the turn of a month): those two are handled many per transaction. Billing and
 * collecting change no total by their order, so two batches are in flight at once, sharing the
 * books of their agencies (a void or a refund waits for them).
 */
@Controller()
export class InvoicesEventsController {
  constructor(
    private readonly books: AgencyBooksLock,
    private readonly invoices: SubscriptionInvoicesService,
    private readonly ledgerKeys: LedgerKeysService,
    private readonly articleRevenue: ArticleRevenueService,
  ) {}

  @ConsumesEventsInBatches(InvoiceFinalized, { maxBatch: 1000, inFlight: 2 })
  async onInvoicesFinalized(events: EventEnvelope<InvoiceFinalizedEvent>[], tx: EventTransaction): Promise<void> {
    await this.books.holdAllShared(
      tx,
      events.map((event) => event.tenantId),
    );
    await this.invoices.billFinalized(tx, events);
  }

  /** Books the payments, records which Stripe charge each payment's entry books, then what each paid for its article. */
  @ConsumesEventsInBatches(InvoicePaid, { maxBatch: 1000, inFlight: 2 })
  async onInvoicesPaid(events: EventEnvelope<InvoicePaidEvent>[], tx: EventTransaction): Promise<void> {
    await this.books.holdAllShared(
      tx,
      events.map((event) => event.tenantId),
    );
    await this.invoices.collectAll(tx, events);
    await this.ledgerKeys.recordInvoicePayments(tx, events);
    await this.articleRevenue.recordSubscriptionPayments(tx, events);
  }

  @ConsumesEvent(InvoiceVoided)
  async onInvoiceVoided(event: EventEnvelope<InvoiceVoidedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.invoices.void(tx, event);
  }
}
