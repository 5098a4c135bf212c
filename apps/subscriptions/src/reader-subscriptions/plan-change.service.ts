import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditedChange, AuditTrail, ConflictError, NotFoundError } from '@libs/common';
import { PlanChangePreview, PlanChangeRequest, ReaderSubscriptionView } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Price } from '../catalog/price.entity';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling } from '../payments/provider-billing';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { ReaderSubscription } from './reader-subscription.entity';
import { ReaderSubscriptionRepository } from './reader-subscription.repository';
import { toReaderSubscriptionView } from './reader-subscription.mapper';
import { readAgainWhileStale } from './stale-provider-read.error';
import { SubscriptionChangeLeaseRepository } from './subscription-change-lease.repository';
import { SubscriptionSyncService } from './subscription-sync.service';

const CHANGEABLE = ['trialing', 'active', 'past_due'];
/** How long a change keeps others off its subscription; longer than its provider calls can take (paced, retried). */
const CHANGE_LEASE_S = 300;

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
    private readonly leases: SubscriptionChangeLeaseRepository,
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
    return this.underLease(tenantId, request.subscriptionId, async (subscription, lease) => {
      const { target, effective } = await this.resolve(this.dataSource.manager, tenantId, subscription, request.planId);
      const change = { subscriptionId: subscription.providerSubscriptionId, newPriceId: target.providerPriceId };
      if (effective === 'now') {
        const prorationDate = request.prorationDate ?? unixNow();
        await this.provider.changePrice(account, `plan-change:${subscription.id}:${target.id}:${prorationDate}`, {
          ...change,
          prorationDate,
        });
      } else {
        await this.provider.schedulePriceChange(account, `plan-change:${lease}`, change);
      }
      return this.recordSynced(account, subscription, lease, (after) => ({
        action: effective === 'now' ? 'subscription.plan-changed' : 'subscription.plan-change-scheduled',
        before: { planId: subscription.planId, priceId: subscription.priceId },
        after: { planId: after.planId, priceId: after.priceId, pendingChange: after.pendingChange },
      }));
    });
  }

  /** Drops the change waiting for the end of the period; 404 when none is pending. */
  async cancelPending(tenantId: string, subscriptionId: string): Promise<ReaderSubscriptionView> {
    const account = await this.accounts.providerAccountOf(tenantId);
    return this.underLease(tenantId, subscriptionId, async (subscription, lease) => {
      const scheduleId = subscription.pendingProviderScheduleId;
      if (!scheduleId) throw new NotFoundError('pending plan change of subscription', subscriptionId);
      await this.provider.cancelScheduledPriceChange(
        account,
        `plan-change:${subscription.id}:cancel:${scheduleId}`,
        scheduleId,
      );
      return this.recordSynced(account, subscription, lease, (after) => ({
        action: 'subscription.plan-change-cancelled',
        before: { pendingPlanId: subscription.pendingPlanId },
        after: { pendingChange: after.pendingChange },
      }));
    });
  }

  /**
   * Cancels a subscription the provider bills, at period end or now, and records it as the
   * provider then has it (its notifications bring the same, later).
   */
  async cancelSubscription(
    tenantId: string,
    subscriptionId: string,
    atPeriodEnd: boolean,
  ): Promise<ReaderSubscriptionView> {
    const account = await this.accounts.providerAccountOf(tenantId);
    return this.underLease(tenantId, subscriptionId, async (subscription, lease) => {
      await this.provider.cancelSubscription(
        account,
        `cancel:${subscription.id}:${atPeriodEnd ? 'at-period-end' : 'now'}`,
        subscription.providerSubscriptionId,
        atPeriodEnd,
      );
      return this.recordSynced(account, subscription, lease, (after) => ({
        action: atPeriodEnd ? 'subscription.cancelled-at-period-end' : 'subscription.cancelled',
        before: { status: subscription.status, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd },
        after: { status: after.status, cancelAtPeriodEnd: after.cancelAtPeriodEnd },
      }));
    });
  }

  /**
   * Undoes a cancellation at period end at the provider (`cancel_at_period_end=false`), recorded as
   * the provider then has it; 409 when the subscription is not set to cancel or has ended.
   */
  async resumeSubscription(tenantId: string, subscriptionId: string): Promise<ReaderSubscriptionView> {
    const account = await this.accounts.providerAccountOf(tenantId);
    return this.underLease(tenantId, subscriptionId, async (subscription, lease) => {
      refuseUnlessResumable(subscription);
      await this.provider.resumeSubscription(
        account,
        `resume:${subscription.id}:${subscription.currentPeriodEnd.toISOString()}`,
        subscription.providerSubscriptionId,
      );
      return this.recordSynced(account, subscription, lease, (after) => ({
        action: 'subscription.resumed',
        before: { status: subscription.status, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd },
        after: { status: after.status, cancelAtPeriodEnd: after.cancelAtPeriodEnd },
      }));
    });
  }

  /**
   * One change of a subscription at a time: a change takes the subscription's lease (one short
   * statement; held by another change → 409), calls the provider outside any transaction, records the
   * result in a short one, and gives the lease back, also when it fails.
   */
  private async underLease<T>(
    tenantId: string,
    subscriptionId: string,
    work: (subscription: ReaderSubscription, lease: string) => Promise<T>,
  ): Promise<T> {
    await this.subscriptionOf(this.dataSource.manager, tenantId, subscriptionId);
    const lease = randomUUID();
    if (!(await this.leases.take(tenantId, subscriptionId, lease, CHANGE_LEASE_S)))
      throw new ConflictError('a change of this subscription is in progress');
    try {
      return await work(await this.subscriptionOf(this.dataSource.manager, tenantId, subscriptionId), lease);
    } finally {
      await this.leases.release(tenantId, subscriptionId, lease);
    }
  }

  /**
   * Reads the changed subscription from the provider (outside any transaction), then in one short
   * transaction records it with the audit entry and gives the lease back; read again when the
   * read went stale before its write (see {@link SubscriptionSyncService.write}).
   */
  private recordSynced(
    account: ProviderAccount,
    subscription: ReaderSubscription,
    lease: string,
    audited: (after: ReaderSubscriptionView) => Pick<AuditedChange, 'action' | 'before' | 'after'>,
  ): Promise<ReaderSubscriptionView> {
    const { tenantId, id } = subscription;
    return readAgainWhileStale(async () => {
      const fetched = await this.sync.fetch(account, subscription.providerSubscriptionId);
      return this.dataSource.transaction(async (tx) => {
        await this.subscriptions.lock(tx, tenantId, subscription.providerSubscriptionId);
        if (!(await this.leases.holds(tx, tenantId, id, lease)))
          throw new ConflictError('the change of this subscription outlasted its lease; it is to be checked');
        const after = toReaderSubscriptionView((await this.sync.write(tx, account, fetched))!);
        await this.audit.record(tx, { tenantId, targetType: 'subscription', targetId: id, ...audited(after) });
        await this.leases.release(tenantId, id, lease, tx);
        return after;
      });
    });
  }

  private async subscriptionOf(tx: EntityManager, tenantId: string, id: string): Promise<ReaderSubscription> {
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, id, tx);
    if (!subscription) throw new NotFoundError('subscription', id);
    return subscription;
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

/** Only a subscription still running and set to cancel at its period's end can be resumed (else 409). */
export function refuseUnlessResumable(subscription: Pick<ReaderSubscription, 'status' | 'cancelAtPeriodEnd'>): void {
  if (!['active', 'trialing', 'past_due'].includes(subscription.status))
    throw new ConflictError(`a ${subscription.status} subscription cannot be resumed`);
  if (!subscription.cancelAtPeriodEnd) throw new ConflictError('the subscription is not set to cancel at period end');
}
