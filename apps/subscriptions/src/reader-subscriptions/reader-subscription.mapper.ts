import type { ReaderSubscriptionView } from '@libs/contracts';
import type { ReaderSubscription } from './reader-subscription.entity';

export function toReaderSubscriptionView(s: ReaderSubscription): ReaderSubscriptionView {
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
    creditBalance: s.creditBalance,
  };
}
