import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import {
  EventEnvelope,
  InvoicePaid,
  InvoicePaidEvent,
  SubscriptionChanged,
  SubscriptionChangedEvent,
} from '@libs/contracts';
import { ConversionsService } from './conversions.service';

/** Subscriptions that started from a paywall decision, and what they paid (see `ConversionsService`). */
@Controller()
export class ConversionsEventsController {
  constructor(private readonly conversions: ConversionsService) {}

  @ConsumesEvent(SubscriptionChanged)
  recordConversion(event: EventEnvelope<SubscriptionChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.conversions.recordConversion(tx, event.tenantId, event.data, event.time);
  }

  @ConsumesEvent(InvoicePaid)
  addRevenue(event: EventEnvelope<InvoicePaidEvent>, tx: EventTransaction): Promise<void> {
    return this.conversions.addRevenue(tx, event.tenantId, event.data);
  }
}
