import type { SubscriptionChangedEvent, SubscriptionStatus } from '@libs/contracts';
import type { Plan } from '../catalog/plan.entity';
import type { Price } from '../catalog/price.entity';
import type { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';

/** What SubscriptionChanged tells of a subscription the suite bills, as the sync tells it of the provider's. */
export function suiteSubscriptionChanged(
  subscription: ReaderSubscription,
  price: Price,
  plan: Plan,
  previousStatus: SubscriptionStatus | null,
): SubscriptionChangedEvent {
  return {
    subscriptionId: subscription.id,
    readerKey: subscription.readerKey,
    planId: subscription.planId,
    status: subscription.status,
    previousStatus,
    currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
    reference: subscription.reference,
    priceId: price.id,
    currency: price.currency,
    unitAmount: price.unitAmount,
    intervalMonths: (plan.interval === 'year' ? 12 : 1) * plan.intervalCount,
  };
}
