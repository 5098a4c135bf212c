import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, StripeNotificationReceived, StripeNotificationReceivedEvent } from '@libs/contracts';
import { parsedNotificationOf } from '../payments/provider-notifications';
import { ProviderNotificationsService } from './provider-notifications.service';

/** Stripe's webhook events, as payments verified them. */
@Controller()
export class ProviderNotificationsEventsController {
  constructor(private readonly notifications: ProviderNotificationsService) {}

  @ConsumesEvent(StripeNotificationReceived)
  onStripeNotification(event: EventEnvelope<StripeNotificationReceivedEvent>, tx: EventTransaction): Promise<void> {
    return this.notifications.record(tx, event.tenantId, parsedNotificationOf(event.data));
  }
}
