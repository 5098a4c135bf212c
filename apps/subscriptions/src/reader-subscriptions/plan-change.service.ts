import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '@libs/common';
import { PlanChangePreview, PlanChangeRequest, ReaderSubscriptionView } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Price } from '../catalog/price.entity';
import { PaymentProvider } from '../payments/payment-provider';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { ReaderSubscription } from './reader-subscription.entity';
import { toView } from './reader-subscriptions.service';
import { SubscriptionSyncService } from './subscription-sync.service';

const CHANGEABLE = ['trialing', 'active', 'past_due'];

/**
 * Upgrades and downgrades. The policy of the plan being left decides: `immediate-with-proration`
 * charges the prorated difference at once; `at-period-end` changes the price from the next
 * invoice with no charge now. Every change can be previewed first, at the same proration instant.
 */
@Injectable()
export class PlanChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly accounts: StripeAccountsService,
    private readonly provider: PaymentProvider,
    private readonly sync: SubscriptionSyncService,
  ) {}

  async preview(tenantId: string, request: PlanChangeRequest): Promise<PlanChangePreview> {
    const { subscription, target, prorate } = await this.resolve(tenantId, request);
    const account = await this.accounts.providerAccountOf(tenantId);
    const prorationDate = request.prorationDate ?? Math.floor(Date.now() / 1000);
    const { currency, amountDueNow } = await this.provider.previewPriceChange(account, {
      subscriptionId: subscription.providerSubscriptionId, newPriceId: target.providerPriceId, prorate, prorationDate,
    });
    return {
      effective: prorate ? 'now' : 'period-end', currency, amountDueNow: amountDueNow.toString(),
      nextInvoiceAmount: target.unitAmount, nextInvoiceAt: subscription.currentPeriodEnd.toISOString(), prorationDate,
    };
  }

  async apply(tenantId: string, request: PlanChangeRequest): Promise<ReaderSubscriptionView> {
    const { subscription, target, prorate } = await this.resolve(tenantId, request);
    const account = await this.accounts.providerAccountOf(tenantId);
    const prorationDate = request.prorationDate ?? Math.floor(Date.now() / 1000);
    await this.provider.changePrice(account, `plan-change:${subscription.id}:${target.id}:${prorationDate}`, {
      subscriptionId: subscription.providerSubscriptionId, newPriceId: target.providerPriceId, prorate, prorationDate,
    });
    const synced = await this.dataSource.transaction((tx) => this.sync.sync(tx, account, subscription.providerSubscriptionId));
    return toView(synced!);
  }

  private async resolve(tenantId: string, request: PlanChangeRequest): Promise<{ subscription: ReaderSubscription; target: Price; prorate: boolean }> {
    const subscription = await this.dataSource.getRepository(ReaderSubscription).findOne({ where: { tenantId, id: request.subscriptionId } });
    if (!subscription) throw new NotFoundError('subscription', request.subscriptionId);
    if (!CHANGEABLE.includes(subscription.status)) throw new ConflictError(`a ${subscription.status} subscription cannot change plan`);
    if (subscription.planId === request.planId) throw new ConflictError('the subscription is already on this plan');
    const [from, to] = await Promise.all([
      this.catalog.findPlanOfTenant(tenantId, subscription.planId),
      this.catalog.findPlanOfTenant(tenantId, request.planId),
    ]);
    if (!to || !to.active) throw new NotFoundError('plan', request.planId);
    const prices = await this.catalog.findPricesOfPlans(tenantId, [to.id]);
    const target = prices[prices.length - 1];
    const current = await this.dataSource.getRepository(Price).findOne({ where: { tenantId, id: subscription.priceId } });
    if (current && current.currency !== target.currency) throw new ConflictError(`cannot change from ${current.currency} to ${target.currency}`);
    return { subscription, target, prorate: (from?.changePolicy ?? 'immediate-with-proration') === 'immediate-with-proration' };
  }
}
