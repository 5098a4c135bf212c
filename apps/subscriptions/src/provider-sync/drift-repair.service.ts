import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogRepository } from '../catalog/catalog.repository';
import { DunningService } from '../dunning/dunning.service';
import { InvoicesService } from '../invoices/invoices.service';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling } from '../payments/provider-billing';
import { readAgainWhileStale } from '../reader-subscriptions/stale-provider-read.error';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { TaxRatesService } from '../tax-rates/tax-rates.service';

const LIVE = ['trialing', 'active', 'past_due'];

/**
 * Repairs one provider object through the same idempotent paths provider notifications take, so repairing
 * it twice (a resumed page) changes nothing the first repair did not: the provider is read before any
 * transaction opens, then what was read is written in a short one (read again if it went stale meanwhile).
 */
@Injectable()
export class DriftRepairService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: ProviderBilling,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly invoices: InvoicesService,
    private readonly dunning: DunningService,
    private readonly taxRates: TaxRatesService,
    private readonly catalog: CatalogRepository,
  ) {}

  /** Answers false when the subscription is not one of the agency's products (left alone). */
  async repairSubscription(account: ProviderAccount, providerSubscriptionId: string): Promise<boolean> {
    const ours = await readAgainWhileStale(async () => {
      const fetched = await this.subscriptions.fetch(account, providerSubscriptionId);
      return this.dataSource.transaction(async (tx) => {
        const subscription = await this.subscriptions.write(tx, account, fetched);
        if (subscription) await this.dunning.onSubscriptionSynced(tx, subscription, new Date());
        return subscription;
      });
    });
    if (!ours) return false;
    if (LIVE.includes(ours.status))
      await this.alignTaxRates(account, ours.providerSubscriptionId, ours.planId, ours.currentPeriodEnd);
    return true;
  }

  async repairInvoice(account: ProviderAccount, providerInvoiceId: string): Promise<void> {
    await readAgainWhileStale(async () => {
      const fetched = await this.invoices.fetch(account, providerInvoiceId);
      await this.dataSource.transaction(async (tx) => {
        const invoice = await this.invoices.write(tx, account, fetched);
        if (invoice) await this.dunning.onInvoiceRecorded(tx, invoice, new Date());
      });
    });
  }

  /** Puts the subscription on the VAT rate in force when its next invoice is made. */
  private async alignTaxRates(
    account: ProviderAccount,
    providerSubscriptionId: string,
    planId: string,
    nextInvoiceAt: Date,
  ): Promise<void> {
    const plan = await this.catalog.findPlanOfTenant(account.tenantId, planId);
    const product = plan && (await this.catalog.findProductOfTenant(account.tenantId, plan.productId));
    if (!product) return;
    const wanted = await this.taxRates.providerRatesAt(account, product.productType, nextInvoiceAt);
    const remote = await this.provider.retrieveSubscription(account, providerSubscriptionId);
    if ([...remote.taxRateIds].sort().join() === [...wanted].sort().join()) return;
    await this.provider.setSubscriptionTaxRates(
      account,
      `tax-rates:${providerSubscriptionId}:${wanted.join('+') || 'none'}`,
      providerSubscriptionId,
      wanted,
    );
  }
}
