import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { SubscriptionChanged, SubscriptionStatus } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Plan } from '../catalog/plan.entity';
import { Price } from '../catalog/price.entity';
import { CustomerRepository } from '../customers/customer.repository';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling, ProviderSubscription } from '../payments/provider-billing';
import { ReaderSubscription } from './reader-subscription.entity';
import { ReaderSubscriptionRepository } from './reader-subscription.repository';
import { StaleProviderReadError } from './stale-provider-read.error';

/** A subscription read from the provider, and the version our row had when the read began (null: no row yet). */
export interface FetchedSubscription {
  remote: ProviderSubscription;
  seenVersion: string | null;
}

/**
 * Brings one subscription up to date from the provider. It always re-reads the provider's
 * current state, so notifications handled late or out of order cannot move a subscription backwards.
 */
@Injectable()
export class SubscriptionSyncService {
  private readonly logger = new Logger(SubscriptionSyncService.name);

  constructor(
    private readonly provider: ProviderBilling,
    private readonly entitlements: EntitlementsService,
    private readonly outbox: EventOutbox,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly catalog: CatalogRepository,
    private readonly customers: CustomerRepository,
  ) {}

  /**
   * The subscription as the provider has it now, read before any transaction opens, with the
   * version of our row when the read began (see {@link write}).
   */
  async fetch(account: ProviderAccount, providerSubscriptionId: string): Promise<FetchedSubscription> {
    const seenVersion = await this.subscriptions.versionOf(account.tenantId, providerSubscriptionId);
    return { remote: await this.provider.retrieveSubscription(account, providerSubscriptionId), seenVersion };
  }

  /**
   * Records the subscription as fetched; answers our subscription row, or null when it is not one of
   * this agency's products. Under the subscription's lock it
   * first checks our row is as it was when the read began: if anything wrote it since (a plan
   * change, another sync), the read may be older than what was written, and it throws
   * {@link StaleProviderReadError} so the caller reads again instead of moving the row backwards.
   */
  async write(
    tx: EntityManager,
    account: ProviderAccount,
    fetched: FetchedSubscription,
  ): Promise<ReaderSubscription | null> {
    const { remote } = fetched;
    await this.subscriptions.lock(tx, account.tenantId, remote.id);
    if ((await this.subscriptions.versionOf(account.tenantId, remote.id, tx)) !== fetched.seenVersion)
      throw new StaleProviderReadError(remote.id);
    return this.save(tx, account, remote);
  }

  private async save(
    tx: EntityManager,
    account: ProviderAccount,
    remote: ProviderSubscription,
  ): Promise<ReaderSubscription | null> {
    const { tenantId } = account;
    const price = await this.catalog.findPriceByProviderId(tx, tenantId, remote.priceId);
    if (!price) {
      this.logger.log(`ignoring subscription ${remote.id}: price ${remote.priceId} is not one of the agency's`);
      return null;
    }
    const readerKey = await this.readerKeyOf(tx, tenantId, remote);
    if (!readerKey) {
      this.logger.warn(`ignoring subscription ${remote.id}: customer ${remote.customerId} is no reader we know`);
      return null;
    }
    const existing = await this.subscriptions.findByProviderId(tx, tenantId, remote.id);
    // Taken before `saveSynced`, which writes into `existing`.
    const before = existing && {
      status: existing.status,
      priceId: existing.priceId,
      currentPeriodEnd: existing.currentPeriodEnd.getTime(),
      cancelAtPeriodEnd: existing.cancelAtPeriodEnd,
    };
    const status = statusOf(remote);
    const pending = await this.pendingChangeOf(tx, tenantId, remote);
    const saved = await this.subscriptions.saveSynced(
      tx,
      existing,
      { tenantId, providerSubscriptionId: remote.id },
      {
        readerKey,
        planId: price.planId,
        priceId: price.id,
        status,
        currentPeriodStart: remote.currentPeriodStart,
        currentPeriodEnd: remote.currentPeriodEnd,
        cancelAtPeriodEnd: remote.cancelAtPeriodEnd,
        trialEnd: remote.trialEnd,
        reference: existing?.reference ?? (remote.metadata.reference || null),
        pendingPlanId: pending?.planId ?? null,
        pendingPriceId: pending?.id ?? null,
        pendingEffectiveAt: pending ? remote.scheduledPriceChange!.effectiveAt : null,
        pendingProviderScheduleId: pending ? remote.scheduledPriceChange!.scheduleId : null,
      },
    );
    const changed =
      !before ||
      before.status !== status ||
      before.priceId !== price.id ||
      before.currentPeriodEnd !== remote.currentPeriodEnd.getTime() ||
      before.cancelAtPeriodEnd !== remote.cancelAtPeriodEnd;
    if (changed) {
      const plan = await this.catalog.findPlanOfTenantOrFail(tx, tenantId, price.planId);
      await this.outbox.add(tx, SubscriptionChanged, {
        tenantId,
        subject: saved.id,
        data: {
          subscriptionId: saved.id,
          readerKey,
          planId: saved.planId,
          status,
          previousStatus: before?.status ?? null,
          currentPeriodEnd: saved.currentPeriodEnd.toISOString(),
          reference: saved.reference,
          priceId: price.id,
          currency: price.currency,
          unitAmount: price.unitAmount,
          intervalMonths: intervalMonthsOf(plan),
        },
      });
    }
    await this.entitlements.refresh(tx, tenantId, readerKey);
    return saved;
  }

  /**
   * The price version a change scheduled at the provider moves to. The current plan and price stay
   * until the provider makes the change; the sync that reads it then clears this.
   */
  private async pendingChangeOf(
    tx: EntityManager,
    tenantId: string,
    remote: ProviderSubscription,
  ): Promise<Price | null> {
    if (!remote.scheduledPriceChange) return null;
    const price = await this.catalog.findPriceByProviderId(tx, tenantId, remote.scheduledPriceChange.priceId);
    if (!price)
      this.logger.warn(
        `ignoring the change scheduled on subscription ${remote.id}: price ${remote.scheduledPriceChange.priceId} is not one of the agency's`,
      );
    return price;
  }

  private async readerKeyOf(tx: EntityManager, tenantId: string, remote: ProviderSubscription): Promise<string | null> {
    const customer = await this.customers.findByProviderId(tenantId, remote.customerId, tx);
    return customer?.readerKey ?? (remote.metadata.reader_key || null);
  }
}

function statusOf(remote: ProviderSubscription): SubscriptionStatus {
  return remote.status === 'incomplete_expired' ? 'canceled' : remote.status;
}

function intervalMonthsOf(plan: Plan): number {
  return (plan.interval === 'year' ? 12 : 1) * plan.intervalCount;
}
