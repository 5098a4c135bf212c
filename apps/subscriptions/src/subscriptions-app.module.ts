import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { BillingSettingsModule } from './billing-settings/billing-settings.module';
import { CatalogModule } from './catalog/catalog.module';
import { CheckoutsModule } from './checkouts/checkouts.module';
import { CouponsModule } from './coupons/coupons.module';
import { CustomersModule } from './customers/customers.module';
import { subscriptionsSchema } from './database/subscriptions.schema';
import { DunningModule } from './dunning/dunning.module';
import { EntitlementsModule } from './entitlements/entitlements.module';
import { GiftsModule } from './gifts/gifts.module';
import { GroupLicencesModule } from './group-licences/group-licences.module';
import { InvoicesModule } from './invoices/invoices.module';
import { PaymentsModule } from './payments/payments.module';
import { ProviderBalanceModule } from './provider-balance/provider-balance.module';
import { ProviderNotificationsModule } from './provider-notifications/provider-notifications.module';
import { ProviderSyncModule } from './provider-sync/provider-sync.module';
import { RailBillingModule } from './rail-billing/rail-billing.module';
import { CancellationsModule } from './cancellations/cancellations.module';
import { PlanChangesModule } from './plan-changes/plan-changes.module';
import { ReaderSubscriptionsModule } from './reader-subscriptions/reader-subscriptions.module';
import { RefundsAndDisputesModule } from './refunds-and-disputes/refunds-and-disputes.module';
import { StripeAccountsModule } from './stripe-accounts/stripe-accounts.module';
import { TaxRatesModule } from './tax-rates/tax-rates.module';
import { TenantsModule } from './tenants/tenants.module';

/** Every feature of the subscriptions service; each declares its own controllers and providers. */
const FEATURES = [
  PaymentsModule,
  StripeAccountsModule,
  BillingSettingsModule,
  TenantsModule,
  CatalogModule,
  TaxRatesModule,
  CustomersModule,
  CouponsModule,
  EntitlementsModule,
  ReaderSubscriptionsModule,
  InvoicesModule,
  DunningModule,
  RefundsAndDisputesModule,
  GiftsModule,
  GroupLicencesModule,
  CheckoutsModule,
  ProviderNotificationsModule,
  ProviderSyncModule,
  ProviderBalanceModule,
  RailBillingModule,
  CancellationsModule,
  PlanChangesModule,
];

@Module({})
export class SubscriptionsAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: SubscriptionsAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...subscriptionsSchema }), ...FEATURES],
    };
  }
}
