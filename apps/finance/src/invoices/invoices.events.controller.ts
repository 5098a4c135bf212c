import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent, parseMinorUnits } from '@libs/common';
import {
  EventEnvelope, InvoiceFinalized, InvoiceFinalizedEvent, InvoicePaid, InvoicePaidEvent, InvoiceVoided, InvoiceVoidedEvent,
} from '@libs/contracts';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { SubscriptionInvoicesService } from './subscription-invoices.service';

/** Subscription invoices as they reach the books: billed, collected, voided (each once per invoice). */
@Controller()
export class InvoicesEventsController {
  constructor(
    private readonly invoices: SubscriptionInvoicesService,
    private readonly books: AgencyBooksLock,
  ) {}

  @ConsumesEvent(InvoiceFinalized)
  async bookBilling(event: EventEnvelope<InvoiceFinalizedEvent>, tx: EntityManager): Promise<void> {
    const { providerInvoiceId, currency, servicePeriodStart, servicePeriodEnd, finalizedAt } = event.data;
    await this.books.hold(tx, event.tenantId);
    await this.invoices.bill(tx, event.tenantId, {
      providerInvoiceId, currency, amountDue: parseMinorUnits(event.data.amountDue), tax: parseMinorUnits(event.data.tax),
      servicePeriodStart, servicePeriodEnd, billedAt: finalizedAt,
    });
  }

  @ConsumesEvent(InvoicePaid)
  async bookPayment(event: EventEnvelope<InvoicePaidEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.invoices.collect(tx, event);
  }

  @ConsumesEvent(InvoiceVoided)
  async bookVoid(event: EventEnvelope<InvoiceVoidedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.invoices.void(tx, event);
  }
}
