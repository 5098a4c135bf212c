import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { readerKeyOf, ReaderQuery, ReaderSubscriptionView } from '@libs/contracts';
import { ReaderSubscription } from './reader-subscription.entity';

@Injectable()
export class ReaderSubscriptionsService {
  constructor(private readonly dataSource: DataSource) {}

  async ofReader(tenantId: string, query: ReaderQuery): Promise<ReaderSubscriptionView[]> {
    const rows = await this.dataSource
      .getRepository(ReaderSubscription)
      .find({ where: { tenantId, readerKey: readerKeyOf(query) }, order: { createdAt: 'DESC' } });
    return rows.map(toView);
  }

  async get(tenantId: string, id: string): Promise<ReaderSubscriptionView> {
    const row = await this.dataSource.getRepository(ReaderSubscription).findOne({ where: { tenantId, id } });
    if (!row) throw new NotFoundError('subscription', id);
    return toView(row);
  }
}

export function toView(s: ReaderSubscription): ReaderSubscriptionView {
  return {
    id: s.id,
    readerKey: s.readerKey,
    planId: s.planId,
    priceId: s.priceId,
    status: s.status,
    currentPeriodStart: s.currentPeriodStart.toISOString(),
    currentPeriodEnd: s.currentPeriodEnd.toISOString(),
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    trialEnd: s.trialEnd?.toISOString() ?? null,
    reference: s.reference,
    pendingChange:
      s.pendingPlanId && s.pendingPriceId && s.pendingEffectiveAt
        ? { planId: s.pendingPlanId, priceId: s.pendingPriceId, effectiveAt: s.pendingEffectiveAt.toISOString() }
        : null,
  };
}
