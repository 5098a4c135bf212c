import { Module } from '@nestjs/common';
import { BillingSettingsModule } from '../billing-settings/billing-settings.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DunningModule } from '../dunning/dunning.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { GiftsModule } from '../gifts/gifts.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { TaxRatesModule } from '../tax-rates/tax-rates.module';
import { UnappliedPaymentsModule } from '../unapplied-payments/unapplied-payments.module';
import { RailCheckoutsRpcController } from './rail-checkouts.rpc.controller';
import { RailCheckoutsService } from './rail-checkouts.service';
import { RailInvoicePaymentsService } from './rail-invoice-payments.service';
import { RailPaymentsEventsController } from './rail-payments.events.controller';
import { RenewalWalletChargesService } from './renewal-wallet-charges.service';
import { SuiteBillingSchedule } from './suite-billing.schedule';
import { SuiteCancellationsService } from './suite-cancellations.service';
import { SuiteDunningService } from './suite-dunning.service';
import { SuitePlanChangesService } from './suite-plan-changes.service';
import { SuiteRenewalsService } from './suite-renewals.service';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';

/**
 * Subscriptions the suite bills itself, paid on the domestic rails through the payments service:
 * trials, the first period, renewals charged to a saved wallet or by pay link, plan changes (prorated at once or at
 * period end, credit kept for renewals), dunning with grace, lapse and cancellation.
 */
@Module({
  imports: [
    CatalogModule,
    TaxRatesModule,
    ReaderSubscriptionsModule,
    InvoicesModule,
    EntitlementsModule,
    BillingSettingsModule,
    DunningModule,
    GiftsModule,
    UnappliedPaymentsModule,
  ],
  controllers: [RailCheckoutsRpcController, RailPaymentsEventsController],
  providers: [
    RailCheckoutsService,
    RailInvoicePaymentsService,
    SuiteSubscriptionChangesService,
    SuiteRenewalsService,
    RenewalWalletChargesService,
    SuiteDunningService,
    SuiteCancellationsService,
    SuitePlanChangesService,
    SuiteBillingSchedule,
  ],
  exports: [SuiteCancellationsService, SuitePlanChangesService],
})
export class RailBillingModule {}
