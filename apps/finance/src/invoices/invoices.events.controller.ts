import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent, parseMinorUnits } from '@libs/common';
import {
  EventEnvelope, InvoiceFinalized, InvoiceFinalizedEvent, InvoicePaid, InvoicePaidEvent, InvoiceVoided, InvoiceVoidedEvent,
} from '@libs/contracts';
import { SubscriptionInvoicesService } from './subscription-invoices.service';

/** Subscription invoices as they reach the books: billed, collected, voided (each once per invoice). */
@Controller()
export class InvoicesEventsController {
  constructor(private readonly invoices: SubscriptionInvoicesService) {}

  @ConsumesEvent(InvoiceFinalized)
  bookBilling(event: EventEnvelope<InvoiceFinalizedEvent>, tx: EntityManager): Promise<void> {
    const { providerInvoiceId, currency, servicePeriodStart, servicePeriodEnd, finalizedAt } = event.data;
    return this.invoices.bill(tx, event.tenantId, {
      providerInvoiceId, currency, amountDue: parseMinorUnits(event.data.amountDue), tax: parseMinorUnits(event.data.tax),
      servicePeriodStart, servicePeriodEnd, billedAt: finalizedAt,
    });
  }

  @ConsumesEvent(InvoicePaid)
  bookPayment(event: EventEnvelope<InvoicePaidEvent>, tx: EntityManager): Promise<void> {
    return this.invoices.collect(tx, event);
  }

  @ConsumesEvent(InvoiceVoided)
  bookVoid(event: EventEnvelope<InvoiceVoidedEvent>, tx: EntityManager): Promise<void> {
    return this.invoices.void(tx, event);
  }
}
