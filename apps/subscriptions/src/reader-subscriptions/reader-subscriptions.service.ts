import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { readerKeyOf, ReaderQuery, ReaderSubscriptionView } from '@libs/contracts';
import type { GrantSource, HeldSubscription } from '../entitlements/grant-source';
import { ReaderSubscriptionRepository } from './reader-subscription.repository';
import { toReaderSubscriptionView } from './reader-subscription.mapper';

/** Readers' subscriptions as the agency reads them; as grants, the reader subscriptions' `GrantSource`. */
@Injectable()
export class ReaderSubscriptionsService implements GrantSource {
  readonly kind = 'subscription';

  constructor(private readonly subscriptions: ReaderSubscriptionRepository) {}

  async ofReader(tenantId: string, query: ReaderQuery): Promise<ReaderSubscriptionView[]> {
    const rows = await this.subscriptions.findOfReader(tenantId, readerKeyOf(query));
    return rows.map(toReaderSubscriptionView);
  }

  async get(tenantId: string, id: string): Promise<ReaderSubscriptionView> {
    const row = await this.subscriptions.findOneOfTenant(tenantId, id);
    if (!row) throw new NotFoundError('subscription', id);
    return toReaderSubscriptionView(row);
  }

  /** A reader's subscriptions in any status (the entitlement rules decide), read inside the caller's transaction. */
  async heldBy(tx: EntityManager, tenantId: string, readerKey: string): Promise<HeldSubscription[]> {
    const held = await this.subscriptions.findAllOfReader(tx, tenantId, readerKey);
    const chased = held.filter((s) => s.status === 'past_due' && s.billedBy === 'suite').map((s) => s.id);
    const pastDueSince = await this.subscriptions.suiteDunningOpenedAt(tx, tenantId, chased);
    return held.map((subscription) => ({
      source: 'subscription',
      id: subscription.id,
      status: subscription.status,
      currentPeriodStart: subscription.currentPeriodStart,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      pastDueSince: pastDueSince.get(subscription.id) ?? null,
      planId: subscription.planId,
    }));
  }
}
