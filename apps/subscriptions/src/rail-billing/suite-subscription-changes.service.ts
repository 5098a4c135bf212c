import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail, EventOutbox } from '@libs/common';
import { SubscriptionChanged, SubscriptionStatus } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { suiteSubscriptionChanged } from './suite-subscription-changed';

/**
 * Writes a change of a subscription the suite bills as the sync writes the provider's: the row,
 * SubscriptionChanged (its status, period and price version), and the reader's entitlements.
 */
@Injectable()
export class SuiteSubscriptionChangesService {
  constructor(
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly catalog: CatalogRepository,
    private readonly entitlements: EntitlementsService,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  /** `at`: the instant the entitlements are computed for (the schedule's clock). */
  async record(
    tx: EntityManager,
    changed: Omit<ReaderSubscription, 'createdAt' | 'updatedAt'>,
    /** Null for a subscription that starts here. */
    previousStatus: SubscriptionStatus | null,
    at: Date = new Date(),
  ): Promise<ReaderSubscription> {
    const saved = await this.subscriptions.saveBilledBySuite(tx, changed);
    const plan = await this.catalog.findPlanOfTenantOrFail(tx, saved.tenantId, saved.planId);
    const price = await this.catalog.findPriceOfTenant(tx, saved.tenantId, saved.priceId);
    if (!price) throw new Error(`subscription ${saved.id} names price ${saved.priceId}, which its agency lacks`);
    await this.outbox.add(tx, SubscriptionChanged, {
      tenantId: saved.tenantId,
      subject: saved.id,
      data: suiteSubscriptionChanged(saved, price, plan, previousStatus),
    });
    await this.entitlements.refresh(tx, saved.tenantId, saved.readerKey, at);
    return saved;
  }

  /**
   * A subscription that ended (cancelled, lapsed, paused) keeps the credit it held: shown in its
   * view (`creditBalance`) and audited here, for staff to refund through payments if the agency
   * wants to. Nothing is published that books cash: finance never booked the credit as money owed.
   */
  async auditCreditKept(tx: EntityManager, ended: ReaderSubscription, why: string): Promise<void> {
    if (BigInt(ended.creditBalance) <= 0n) return;
    await this.audit.record(tx, {
      tenantId: ended.tenantId,
      action: 'subscription.ended-with-credit',
      targetType: 'subscription',
      targetId: ended.id,
      before: null,
      after: { status: ended.status, creditBalance: ended.creditBalance, reason: why },
    });
  }
}
