import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runWithContext, SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import { ProviderSyncResult } from '@libs/contracts';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { DunningService } from '../dunning/dunning.service';
import { InvoicesService } from '../invoices/invoices.service';
import { PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { StripeAccount } from '../stripe-accounts/stripe-account.entity';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { CatalogRepository } from '../catalog/catalog.repository';

const INVOICE_LOOKBACK_DAYS = 35;

/**
 * Repairs drift from missed webhooks: re-reads every subscription and the recent paid invoices of
 * an agency's provider account through the same idempotent paths the webhooks take. Runs on a
 * schedule for all agencies (one instance at a time, by advisory lock) and on demand for one.
 */
@Injectable()
export class ProviderSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProviderSyncService.name);
  private timer?: NodeJS.Timeout;
  private readonly intervalMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StripeAccountsService,
    private readonly provider: PaymentProvider,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly invoices: InvoicesService,
    private readonly dunning: DunningService,
    private readonly taxRates: TaxRatesService,
    private readonly catalog: CatalogRepository,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.intervalMs = (options.env as SubscriptionsEnv).PROVIDER_SYNC_INTERVAL_MINUTES * 60_000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.syncAll(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async syncAll(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('subscriptions:provider-sync')) AS locked`);
      if (!locked) return;
      try {
        const tenants = await this.dataSource.getRepository(StripeAccount).find({ select: { tenantId: true } });
        for (const { tenantId } of tenants) {
          await this.syncTenant(tenantId).catch((error: unknown) => this.logger.error(`sync of ${tenantId} failed: ${(error as Error).message}`));
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('subscriptions:provider-sync'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /** Puts the subscription on the VAT rate in force when its next invoice is made. */
  private async alignTaxRates(account: ProviderAccount, providerSubscriptionId: string, planId: string, nextInvoiceAt: Date): Promise<void> {
    const plan = await this.catalog.findPlanOfTenant(account.tenantId, planId);
    const product = plan && (await this.catalog.findProductOfTenant(account.tenantId, plan.productId));
    if (!product) return;
    const wanted = await this.taxRates.providerRatesAt(account, product.productType, nextInvoiceAt);
    const remote = await this.provider.retrieveSubscription(account, providerSubscriptionId);
    if ([...remote.taxRateIds].sort().join() === [...wanted].sort().join()) return;
    await this.provider.setSubscriptionTaxRates(account, `tax-rates:${providerSubscriptionId}:${wanted.join('+') || 'none'}`, providerSubscriptionId, wanted);
  }

  async syncTenant(tenantId: string): Promise<ProviderSyncResult> {
    return runWithContext({ requestId: `sync:${tenantId}:${Date.now()}`, tenantId, actor: 'provider-sync' }, async () => {
      const account = await this.accounts.providerAccountOf(tenantId);
      let ignored = 0;
      const subscriptionIds = await this.provider.listSubscriptionIds(account);
      for (const id of subscriptionIds) {
        const ours = await this.dataSource.transaction(async (tx) => {
          const subscription = await this.subscriptions.sync(tx, account, id);
          if (subscription) await this.dunning.onSubscriptionSynced(tx, subscription, new Date());
          return subscription;
        });
        if (!ours) ignored++;
        else if (['trialing', 'active', 'past_due'].includes(ours.status)) await this.alignTaxRates(account, ours.providerSubscriptionId, ours.planId, ours.currentPeriodEnd);
      }
      const invoiceIds = await this.provider.listPaidInvoiceIds(account, new Date(Date.now() - INVOICE_LOOKBACK_DAYS * 86_400_000));
      for (const id of invoiceIds) {
        await this.dataSource.transaction(async (tx) => {
          const invoice = await this.invoices.record(tx, account, id);
          if (invoice) await this.dunning.onInvoiceRecorded(tx, invoice, new Date());
        });
      }
      return { subscriptionsChecked: subscriptionIds.length, subscriptionsIgnored: ignored, invoicesChecked: invoiceIds.length, finishedAt: new Date().toISOString() };
    });
  }
}
