import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { decodeCheckoutReference, EventEnvelope, SubscriptionChanged, SubscriptionChangedEvent } from '@libs/contracts';
import { SubscriptionState } from './subscription-state.entity';

/** Keeps the history subscription metrics (MRR, churn) are computed from, and the article each subscription came from. */
@Controller()
export class SubscriptionStatesEventsController {
  @ConsumesEvent(SubscriptionChanged)
  async record(event: EventEnvelope<SubscriptionChangedEvent>, tx: EntityManager): Promise<void> {
    const { subscriptionId, status, planId, currency, unitAmount, intervalMonths, reference } = event.data;
    await tx.getRepository(SubscriptionState).insert({
      id: event.id,
      tenantId: event.tenantId,
      subscriptionId,
      effectiveAt: new Date(event.time),
      status,
      planId,
      currency: currency ?? null,
      unitAmount: unitAmount ?? null,
      intervalMonths: intervalMonths ?? null,
      articleId: decodeCheckoutReference(reference)?.articleId ?? null,
    });
  }
}
