import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, SubscriptionChanged, SubscriptionChangedEvent } from '@libs/contracts';
import { SubscriptionState } from './subscription-state.entity';

/** Keeps the history subscription metrics (MRR, churn) are computed from. */
@Controller()
export class SubscriptionStatesEventsController {
  @ConsumesEvent(SubscriptionChanged)
  async record(event: EventEnvelope<SubscriptionChangedEvent>, tx: EntityManager): Promise<void> {
    const { subscriptionId, status, planId, currency, unitAmount, intervalMonths } = event.data;
    await tx.getRepository(SubscriptionState).insert({
      id: event.id, tenantId: event.tenantId, subscriptionId, effectiveAt: new Date(event.time), status, planId,
      currency: currency ?? null, unitAmount: unitAmount ?? null, intervalMonths: intervalMonths ?? null,
    });
  }
}
