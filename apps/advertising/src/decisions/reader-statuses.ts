import { Injectable } from '@nestjs/common';
import { AD_FREE_ENTITLEMENT, EntitlementGrant } from '@libs/contracts';
import type { AdReader } from './decide-ads';

const AD_FREE = AD_FREE_ENTITLEMENT;

interface HeldReader {
  version: number;
  /** Until when (epoch ms) the reader holds `ad-free`, and any grant but a group licence's (a subscriber). */
  adFreeUntil: number;
  subscriberUntil: number;
}

/**
 * Which logged-in readers are spared ads (`ad-free`) or count as subscribers (an active
 * subscription, gift or comp, as the paywall counts them), from subscriptions' entitlement
 * events; grants end by their dates, checked at each decision. A reader's newest version wins.
 */
@Injectable()
export class ReaderStatuses {
  private readonly tenants = new Map<string, Map<string, HeldReader>>();

  apply(tenantId: string, readerKey: string, version: number, grants: readonly EntitlementGrant[]): void {
    let readers = this.tenants.get(tenantId);
    if (!readers) this.tenants.set(tenantId, (readers = new Map()));
    const held = readers.get(readerKey);
    if (held && held.version >= version) return;
    let adFreeUntil = 0;
    let subscriberUntil = 0;
    for (const grant of grants) {
      const until = Date.parse(grant.until);
      if (!Number.isFinite(until)) continue;
      if (grant.key === AD_FREE) adFreeUntil = Math.max(adFreeUntil, until);
      if (grant.source !== 'group') subscriberUntil = Math.max(subscriberUntil, until);
    }
    readers.set(readerKey, { version, adFreeUntil, subscriberUntil });
  }

  statusOf(tenantId: string, readerKey: string | null, now: number): AdReader {
    const held = readerKey === null ? undefined : this.tenants.get(tenantId)?.get(readerKey);
    if (!held) return 'non-subscriber';
    if (held.adFreeUntil > now) return 'ad-free';
    return held.subscriberUntil > now ? 'subscriber' : 'non-subscriber';
  }
}
