import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, SubscriptionChanged, SubscriptionChangedEvent } from '@libs/contracts';
import { SubscriptionMetricsService } from './subscription-metrics.service';

/** Keeps the history subscription metrics (MRR, churn) are computed from, and the article each subscription came from. */
@Controller()
export class SubscriptionStatesEventsController {
  constructor(private readonly metrics: SubscriptionMetricsService) {}

  @ConsumesEvent(SubscriptionChanged)
  record(event: EventEnvelope<SubscriptionChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.metrics.recordState(tx, event);
  }
}
