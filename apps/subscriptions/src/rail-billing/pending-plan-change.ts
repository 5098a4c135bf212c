import type { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';

/** The key a plan change the suite makes at period end is kept under (its renewal makes it; no provider schedule). */
export const SUITE_PENDING_CHANGE = 'suite';

type PendingFields = Pick<
  ReaderSubscription,
  'planId' | 'priceId' | 'pendingPlanId' | 'pendingPriceId' | 'pendingEffectiveAt' | 'pendingProviderScheduleId'
>;

/**
 * The plan and price version a period starting at `periodStart` is billed at: the pending change's
 * once it is in effect then, else the subscription's own.
 */
export function planOfPeriod<T extends PendingFields>(
  subscription: T,
  periodStart: Date,
): { planId: string; priceId: string } {
  return pendingDueAt(subscription, periodStart)
    ? { planId: subscription.pendingPlanId!, priceId: subscription.pendingPriceId! }
    : { planId: subscription.planId, priceId: subscription.priceId };
}

/**
 * The subscription with the change pending at period end made, once its current period (as given)
 * starts at or after the change's effective instant: the new plan and price, nothing pending.
 * Otherwise as it is.
 */
export function withPendingChangeDue<T extends PendingFields & { currentPeriodStart: Date }>(subscription: T): T {
  if (!pendingDueAt(subscription, subscription.currentPeriodStart)) return subscription;
  return {
    ...subscription,
    ...planOfPeriod(subscription, subscription.currentPeriodStart),
    pendingPlanId: null,
    pendingPriceId: null,
    pendingEffectiveAt: null,
    pendingProviderScheduleId: null,
  };
}

function pendingDueAt(subscription: PendingFields, instant: Date): boolean {
  return (
    subscription.pendingPlanId !== null &&
    subscription.pendingPriceId !== null &&
    subscription.pendingEffectiveAt !== null &&
    subscription.pendingEffectiveAt.getTime() <= instant.getTime()
  );
}
