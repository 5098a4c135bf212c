import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, NotFoundError } from '@libs/common';
import { PlanChangePreview, PlanChangeRequest, ReaderSubscriptionView } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Price } from '../catalog/price.entity';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling } from '../payments/provider-billing';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { ReaderSubscription } from './reader-subscription.entity';
import { ReaderSubscriptionRepository } from './reader-subscription.repository';
import { toReaderSubscriptionView } from './reader-subscription.mapper';
import { SubscriptionSyncService } from './subscription-sync.service';

const CHANGEABLE = ['trialing', 'active', 'past_due'];

interface ResolvedChange {
  /** The plan's current price version. */
  target: Price;
  effective: PlanChangePreview['effective'];
}

/**
 * Upgrades and downgrades. The policy of the plan being left decides: `immediate-with-proration`
 * moves the subscription now and charges the prorated difference at once (dropping a change
 * pending before); `at-period-end` has the provider move it when the period ends, with nothing
 * charged now, and until then the subscription keeps its plan, price and entitlements, showing the
 * change as pending (a later one replaces it; it can be cancelled). Every change can be previewed
 * first, at the same proration instant.
 */
@Injectable()
export class PlanChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly accounts: StripeAccountsService,
    private readonly provider: ProviderBilling,
    private readonly sync: SubscriptionSyncService,
    private readonly audit: AuditTrail,
    private readonly subscriptions: ReaderSubscriptionRepository,
  ) {}

  async preview(tenantId: string, request: PlanChangeRequest): Promise<PlanChangePreview> {
    const subscription = await this.subscriptionOf(this.dataSource.manager, tenantId, request.subscriptionId);
    const { target, effective } = await this.resolve(this.dataSource.manager, tenantId, subscription, request.planId);
    const prorationDate = request.prorationDate ?? unixNow();
    const next = {
      nextInvoiceAmount: target.unitAmount,
      nextInvoiceAt: subscription.currentPeriodEnd.toISOString(),
      prorationDate,
    };
    if (effective === 'period-end') return { effective, currency: target.currency, amountDueNow: '0', ...next };
    const account = await this.accounts.providerAccountOf(tenantId);
    const { currency, amountDueNow } = await this.provider.previewPriceChange(account, {
      subscriptionId: subscription.providerSubscriptionId,
      newPriceId: target.providerPriceId,
      prorationDate,
    });
    return { effective, currency, amountDueNow: amountDueNow.toString(), ...next };
  }

  async apply(tenantId: string, request: PlanChangeRequest): Promise<ReaderSubscriptionView> {
    const account = await this.accounts.providerAccountOf(tenantId);
    return this.underLock(tenantId, request.subscriptionId, async (tx, subscription) => {
      const { target, effective } = await this.resolve(tx, tenantId, subscription, request.planId);
      const change = { subscriptionId: subscription.providerSubscriptionId, newPriceId: target.providerPriceId };
      if (effective === 'now') {
        const prorationDate = request.prorationDate ?? unixNow();
        await this.provider.changePrice(account, `plan-change:${subscription.id}:${target.id}:${prorationDate}`, {
          ...change,
          prorationDate,
        });
      } else {
        await this.provider.schedulePriceChange(account, `plan-change:${randomUUID()}`, change);
      }
      const after = await this.synced(tx, account, subscription);
      await this.audit.record(tx, {
        tenantId,
        action: effective === 'now' ? 'subscription.plan-changed' : 'subscription.plan-change-scheduled',
        targetType: 'subscription',
        targetId: subscription.id,
        before: { planId: subscription.planId, priceId: subscription.priceId },
        after: { planId: after.planId, priceId: after.priceId, pendingChange: after.pendingChange },
      });
      return after;
    });
  }

  /** Drops the change waiting for the end of the period; 404 when none is pending. */
  async cancelPending(tenantId: string, subscriptionId: string): Promise<ReaderSubscriptionView> {
    const account = await this.accounts.providerAccountOf(tenantId);
    return this.underLock(tenantId, subscriptionId, async (tx, subscription) => {
      const scheduleId = subscription.pendingProviderScheduleId;
      if (!scheduleId) throw new NotFoundError('pending plan change of subscription', subscriptionId);
      await this.provider.cancelScheduledPriceChange(
        account,
        `plan-change:${subscription.id}:cancel:${scheduleId}`,
        scheduleId,
      );
      const after = await this.synced(tx, account, subscription);
      await this.audit.record(tx, {
        tenantId,
        action: 'subscription.plan-change-cancelled',
        targetType: 'subscription',
        targetId: subscription.id,
        before: { pendingPlanId: subscription.pendingPlanId },
        after: { pendingChange: after.pendingChange },
      });
      return after;
    });
  }

  /** One change of a subscription at a time, and the sync reading its result waits for it too. */
  private async underLock<T>(
    tenantId: string,
    subscriptionId: string,
    work: (tx: EntityManager, subscription: ReaderSubscription) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      const found = await this.subscriptionOf(tx, tenantId, subscriptionId);
      await this.subscriptions.lock(tx, tenantId, found.providerSubscriptionId);
      return work(tx, await this.subscriptionOf(tx, tenantId, subscriptionId));
    });
  }

  private async subscriptionOf(tx: EntityManager, tenantId: string, id: string): Promise<ReaderSubscription> {
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, id, tx);
    if (!subscription) throw new NotFoundError('subscription', id);
    return subscription;
  }

  private async synced(
    tx: EntityManager,
    account: ProviderAccount,
    subscription: ReaderSubscription,
  ): Promise<ReaderSubscriptionView> {
    const synced = await this.sync.sync(tx, account, subscription.providerSubscriptionId);
    return toReaderSubscriptionView(synced!);
  }

  private async resolve(
    tx: EntityManager,
    tenantId: string,
    subscription: ReaderSubscription,
    planId: string,
  ): Promise<ResolvedChange> {
    if (!CHANGEABLE.includes(subscription.status))
      throw new ConflictError(`a ${subscription.status} subscription cannot change plan`);
    if (subscription.planId === planId) throw new ConflictError('the subscription is already on this plan');
    const [from, to] = await Promise.all([
      this.catalog.findPlanOfTenant(tenantId, subscription.planId),
      this.catalog.findPlanOfTenant(tenantId, planId),
    ]);
    if (!to || !to.active) throw new NotFoundError('plan', planId);
    const prices = await this.catalog.findPricesOfPlans(tenantId, [to.id]);
    const target = prices[prices.length - 1];
    const current = await this.catalog.findPriceOfTenant(tx, tenantId, subscription.priceId);
    if (current && current.currency !== target.currency)
      throw new ConflictError(`cannot change from ${current.currency} to ${target.currency}`);
    const policy = from?.changePolicy ?? 'immediate-with-proration';
    return { target, effective: policy === 'at-period-end' ? 'period-end' : 'now' };
  }
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
