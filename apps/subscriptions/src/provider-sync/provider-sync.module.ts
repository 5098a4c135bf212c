import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { DunningModule } from '../dunning/dunning.module';
import { GiftsModule } from '../gifts/gifts.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { PaymentsModule } from '../payments/payments.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { RefundsAndDisputesModule } from '../refunds-and-disputes/refunds-and-disputes.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { TaxRatesModule } from '../tax-rates/tax-rates.module';
import { DriftRepairService } from './drift-repair.service';
import { PaymentDriftRepairService } from './payment-drift-repair.service';
import { ProviderSyncJobRepository } from './provider-sync-job.repository';
import { ProviderSyncJobsRpcController } from './provider-sync-jobs.rpc.controller';
import { ProviderSyncJobsService } from './provider-sync-jobs.service';
import { ProviderSyncRunner } from './provider-sync.runner';
import { ProviderSyncSchedule } from './provider-sync.schedule';

/**
 * Drift repair: sync jobs that re-read the provider's subscriptions, invoices, refunds, disputes and gift checkouts,
 * on demand and on a schedule.
 */
@Module({
  imports: [
    PaymentsModule,
    StripeAccountsModule,
    ReaderSubscriptionsModule,
    InvoicesModule,
    DunningModule,
    TaxRatesModule,
    CatalogModule,
    RefundsAndDisputesModule,
    GiftsModule,
  ],
  controllers: [ProviderSyncJobsRpcController],
  providers: [
    DriftRepairService,
    PaymentDriftRepairService,
    ProviderSyncJobRepository,
    ProviderSyncJobsService,
    ProviderSyncRunner,
    ProviderSyncSchedule,
  ],
})
export class ProviderSyncModule {}
