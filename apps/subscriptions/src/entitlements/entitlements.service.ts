import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { EntitlementChanged, EntitlementGrant, EntitlementsView, ReaderQuery } from '@libs/contracts';
import { BillingSettings } from '../billing-settings/billing-settings.entity';
import { Plan } from '../catalog/plan.entity';
import { Product } from '../catalog/product.entity';
import { Customer } from '../customers/customer.entity';
import { readerKeyOf } from '../customers/reader-key';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { EntitlingSubscription, grantsFrom } from './entitlement-rules';
import { ReaderEntitlements } from './reader-entitlements.entity';

@Injectable()
export class EntitlementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** A reader's grants now, computed from their subscriptions (never from a cache). */
  async forReader(tenantId: string, query: ReaderQuery): Promise<EntitlementsView> {
    const readerKey = readerKeyOf(query);
    const grants = await this.grantsOf(this.dataSource.manager, tenantId, readerKey, new Date());
    const snapshot = await this.dataSource.getRepository(ReaderEntitlements).findOne({ where: { tenantId, readerKey } });
    return { readerId: query.readerId ?? null, email: query.email?.toLowerCase() ?? null, entitlements: grants, version: snapshot?.version ?? 0 };
  }

  /**
   * Recomputes a reader's grants inside the caller's transaction and, when they differ from the
   * last published ones, publishes them with the next version.
   */
  async refresh(tx: EntityManager, tenantId: string, readerKey: string, now = new Date()): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`entitlements:${tenantId}:${readerKey}`]);
    const grants = await this.grantsOf(tx, tenantId, readerKey, now);
    const repo = tx.getRepository(ReaderEntitlements);
    const last = await repo.findOne({ where: { tenantId, readerKey } });
    if (last && sameGrants(last.grants, grants)) return;
    const version = (last?.version ?? 0) + 1;
    await repo.save({ tenantId, readerKey, grants, version });
    const customer = await tx.getRepository(Customer).findOne({ where: { tenantId, readerKey } });
    await this.outbox.add(tx, EntitlementChanged, {
      tenantId,
      subject: readerKey,
      data: { readerKey, readerId: customer?.readerId ?? null, email: customer?.email ?? null, entitlements: grants, version },
    });
  }

  private async grantsOf(tx: EntityManager, tenantId: string, readerKey: string, now: Date): Promise<EntitlementGrant[]> {
    const subscriptions = await tx.getRepository(ReaderSubscription).find({ where: { tenantId, readerKey } });
    if (subscriptions.length === 0) return [];
    const plans = await tx.getRepository(Plan).find({ where: { tenantId, id: In(subscriptions.map((s) => s.planId)) } });
    const products = await tx.getRepository(Product).find({ where: { tenantId, id: In(plans.map((p) => p.productId)) } });
    const settings = await tx.getRepository(BillingSettings).findOne({ where: { tenantId } });
    const entitlementsOfPlan = (planId: string) => {
      const plan = plans.find((p) => p.id === planId);
      return products.find((p) => p.id === plan?.productId)?.entitlements ?? [];
    };
    const entitling: EntitlingSubscription[] = subscriptions.map((s) => ({
      id: s.id, status: s.status, currentPeriodStart: s.currentPeriodStart, currentPeriodEnd: s.currentPeriodEnd,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd, entitlements: entitlementsOfPlan(s.planId),
    }));
    return grantsFrom(entitling, now, settings?.graceDays ?? 0);
  }
}

function sameGrants(a: EntitlementGrant[], b: EntitlementGrant[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
