import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent, ConsumesEventsInBatches, parseMinorUnits } from '@libs/common';
import {
  EventEnvelope,
  InvoiceFinalized,
  InvoiceFinalizedEvent,
  InvoicePaid,
  InvoicePaidEvent,
  InvoiceVoided,
  InvoiceVoidedEvent,
} from '@libs/contracts';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { SubscriptionInvoicesService } from './subscription-invoices.service';

/**
 * Subscription invoices as they reach the books: billed, collected, voided (each once per invoice).
 * Invoices are billed and paid in bursts (renewals at the turn of a month): those two are booked
 * many per transaction. Billing and collecting change no total by their order, so two batches are
 * in flight at once, sharing the books of their agencies (a void or a refund waits for them).
 */
@Controller()
export class InvoicesEventsController {
  constructor(
    private readonly invoices: SubscriptionInvoicesService,
    private readonly books: AgencyBooksLock,
  ) {}

  @ConsumesEventsInBatches(InvoiceFinalized, { maxBatch: 1000, inFlight: 2 })
  async bookBillings(events: EventEnvelope<InvoiceFinalizedEvent>[], tx: EntityManager): Promise<void> {
    await this.books.holdAllShared(
      tx,
      events.map((event) => event.tenantId),
    );
    await this.invoices.billAll(
      tx,
      events.map((event) => {
        const { providerInvoiceId, currency, servicePeriodStart, servicePeriodEnd, finalizedAt } = event.data;
        return {
          tenantId: event.tenantId,
          providerInvoiceId,
          currency,
          amountDue: parseMinorUnits(event.data.amountDue),
          tax: parseMinorUnits(event.data.tax),
          servicePeriodStart,
          servicePeriodEnd,
          billedAt: finalizedAt,
        };
      }),
    );
  }

  @ConsumesEventsInBatches(InvoicePaid, { maxBatch: 1000, inFlight: 2 })
  async bookPayments(events: EventEnvelope<InvoicePaidEvent>[], tx: EntityManager): Promise<void> {
    await this.books.holdAllShared(
      tx,
      events.map((event) => event.tenantId),
    );
    await this.invoices.collectAll(tx, events);
  }

  @ConsumesEvent(InvoiceVoided)
  async bookVoid(event: EventEnvelope<InvoiceVoidedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.invoices.void(tx, event);
  }
}
