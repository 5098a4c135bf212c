import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { BillingSettingsRepository } from './billing-settings/billing-settings.repository';
import { BillingSettingsRpcController } from './billing-settings/billing-settings.rpc.controller';
import { BillingSettingsService } from './billing-settings/billing-settings.service';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogRpcController } from './catalog/catalog.rpc.controller';
import { CatalogService } from './catalog/catalog.service';
import { CheckoutRpcController } from './checkout/checkout.rpc.controller';
import { CheckoutService } from './checkout/checkout.service';
import { CustomersService } from './customers/customers.service';
import { subscriptionsSchema } from './database/subscriptions.schema';
import { EntitlementsRpcController } from './entitlements/entitlements.rpc.controller';
import { EntitlementsService } from './entitlements/entitlements.service';
import { InvoicesService } from './invoices/invoices.service';
import { PaymentProvider } from './payments/payment-provider';
import { StripePaymentProvider } from './payments/stripe/stripe-payment-provider';
import { ProviderEventProcessor } from './provider-events/provider-event-processor';
import { ProviderEventsRpcController } from './provider-events/provider-events.rpc.controller';
import { ProviderEventsService } from './provider-events/provider-events.service';
import { ReaderSubscriptionsRpcController } from './reader-subscriptions/reader-subscriptions.rpc.controller';
import { ReaderSubscriptionsService } from './reader-subscriptions/reader-subscriptions.service';
import { SubscriptionSyncService } from './reader-subscriptions/subscription-sync.service';
import { RefundsAndDisputesService } from './refunds-and-disputes/refunds-and-disputes.service';
import { StripeAccountsRpcController } from './stripe-accounts/stripe-accounts.rpc.controller';
import { StripeAccountsService } from './stripe-accounts/stripe-accounts.service';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class SubscriptionsAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: SubscriptionsAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...subscriptionsSchema })],
      controllers: [
        BillingSettingsRpcController,
        TenantsEventsController,
        StripeAccountsRpcController,
        CatalogRpcController,
        CheckoutRpcController,
        ProviderEventsRpcController,
        EntitlementsRpcController,
        ReaderSubscriptionsRpcController,
      ],
      providers: [
        BillingSettingsService,
        BillingSettingsRepository,
        { provide: PaymentProvider, useClass: StripePaymentProvider },
        StripeAccountsService,
        CatalogRepository,
        CatalogService,
        CustomersService,
        CheckoutService,
        SubscriptionSyncService,
        ReaderSubscriptionsService,
        EntitlementsService,
        InvoicesService,
        ProviderEventsService,
        ProviderEventProcessor,
        RefundsAndDisputesService,
      ],
    };
  }
}
