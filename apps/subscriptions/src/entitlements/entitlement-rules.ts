import type { EntitlementGrant, SubscriptionStatus } from '@libs/contracts';

export interface EntitlingSubscription {
  id: string;
  status: SubscriptionStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** What the subscription's product grants. */
  entitlements: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a reader may use now, from their subscriptions: trialing and active ones until the period
 * ends (also when cancelled at period end); past-due ones for the grace days from the start of
 * the unpaid period; nothing for unpaid, paused, incomplete or cancelled ones. One grant per key,
 * the longest-lasting.
 */
export function grantsFrom(subscriptions: readonly EntitlingSubscription[], now: Date, graceDays: number): EntitlementGrant[] {
  const best = new Map<string, EntitlementGrant>();
  for (const subscription of subscriptions) {
    const grant = grantOf(subscription, graceDays);
    if (!grant || grant.until.getTime() <= now.getTime()) continue;
    for (const key of subscription.entitlements) {
      const current = best.get(key);
      if (current && new Date(current.until).getTime() >= grant.until.getTime()) continue;
      best.set(key, { key, until: grant.until.toISOString(), source: 'subscription', sourceId: subscription.id, reason: grant.reason });
    }
  }
  return [...best.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function grantOf(subscription: EntitlingSubscription, graceDays: number): { until: Date; reason: string } | null {
  switch (subscription.status) {
    case 'trialing':
    case 'active':
      return {
        until: subscription.currentPeriodEnd,
        reason: subscription.cancelAtPeriodEnd ? `${subscription.status}, cancelled at period end` : subscription.status,
      };
    case 'past_due':
      return { until: new Date(subscription.currentPeriodStart.getTime() + graceDays * DAY_MS), reason: 'past_due (grace)' };
    case 'incomplete':
    case 'unpaid':
    case 'paused':
    case 'canceled':
      return null;
    default: {
      const unknown: never = subscription.status;
      throw new Error(`unknown status ${String(unknown)}`);
    }
  }
}
