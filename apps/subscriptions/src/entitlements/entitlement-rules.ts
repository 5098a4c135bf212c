import type { EntitlementGrant, SubscriptionStatus } from '@libs/contracts';

export interface EntitlingSubscription {
  id: string;
  status: SubscriptionStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /**
   * When the invoice it is past due for became due, when known (the suite's dunning case opened
   * then: a renewal's at its period start, a failed upgrade's when it failed); grace counts from it.
   */
  pastDueSince?: Date | null;
  /** What the subscription's product grants. */
  entitlements: readonly string[];
}

/** A redeemed gift: its product's entitlements from redemption for N calendar months. */
export interface EntitlingGift {
  id: string;
  months: number;
  until: Date;
  entitlements: readonly string[];
}

/** A group licence that covers the reader, as a member (a seat) or by the address they come from. */
export interface EntitlingGroupLicence {
  id: string;
  name: string;
  validUntil: Date;
  coveredBy: 'membership' | 'ip-range';
  entitlements: readonly string[];
}

/** Everything that may entitle a reader; a source left out grants nothing. */
export interface EntitlementSources {
  subscriptions?: readonly EntitlingSubscription[];
  gifts?: readonly EntitlingGift[];
  groups?: readonly EntitlingGroupLicence[];
}

interface Candidate {
  until: Date;
  source: EntitlementGrant['source'];
  sourceId: string;
  reason: string;
  entitlements: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a reader may use now. From subscriptions: trialing and active ones until the period ends
 * (also when cancelled at period end); past-due ones for the grace days from when the unpaid
 * invoice became due (`pastDueSince`; else the start of the unpaid period: a renewal's due date,
 * as the provider bills it), so an upgrade failing late in a paid period keeps access as long as
 * its dunning lasts; nothing for unpaid, paused, incomplete or cancelled ones. From redeemed gifts:
 * until redemption plus their months. From group licences: until the licence ends. One grant per
 * key, the longest-lasting (on a tie, subscriptions before gifts before groups).
 */
export function grantsFrom(sources: EntitlementSources, now: Date, graceDays: number): EntitlementGrant[] {
  const candidates: Candidate[] = [
    ...(sources.subscriptions ?? []).flatMap((subscription): Candidate[] => {
      const grant = grantOf(subscription, graceDays);
      return grant
        ? [{ ...grant, source: 'subscription', sourceId: subscription.id, entitlements: subscription.entitlements }]
        : [];
    }),
    ...(sources.gifts ?? []).map((gift): Candidate => ({
      until: gift.until,
      source: 'gift',
      sourceId: gift.id,
      reason: `gift of ${gift.months} month${gift.months === 1 ? '' : 's'}`,
      entitlements: gift.entitlements,
    })),
    ...(sources.groups ?? []).map((licence): Candidate => ({
      until: licence.validUntil,
      source: 'group',
      sourceId: licence.id,
      entitlements: licence.entitlements,
      reason:
        licence.coveredBy === 'membership' ? `member of ${licence.name}` : `address in a range of ${licence.name}`,
    })),
  ];
  const best = new Map<string, EntitlementGrant>();
  for (const candidate of candidates) {
    if (candidate.until.getTime() <= now.getTime()) continue;
    for (const key of candidate.entitlements) {
      const current = best.get(key);
      if (current && new Date(current.until).getTime() >= candidate.until.getTime()) continue;
      best.set(key, {
        key,
        until: candidate.until.toISOString(),
        source: candidate.source,
        sourceId: candidate.sourceId,
        reason: candidate.reason,
      });
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
        reason: subscription.cancelAtPeriodEnd
          ? `${subscription.status}, cancelled at period end`
          : subscription.status,
      };
    case 'past_due':
      return {
        until: new Date((subscription.pastDueSince ?? subscription.currentPeriodStart).getTime() + graceDays * DAY_MS),
        reason: 'past_due (grace)',
      };
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

/**
 * Whether two lists grant the same, field by field: grants read back from jsonb come with their
 * keys in another order, which must not count as a change (nor publish a new version).
 */
export function sameGrants(a: readonly EntitlementGrant[], b: readonly EntitlementGrant[]): boolean {
  const fields = (grant: EntitlementGrant) => [grant.key, grant.until, grant.source, grant.sourceId, grant.reason];
  return JSON.stringify(a.map(fields)) === JSON.stringify(b.map(fields));
}
