import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { BillingSettingsRepository } from './billing-settings/billing-settings.repository';
import { BillingSettingsRpcController } from './billing-settings/billing-settings.rpc.controller';
import { BillingSettingsService } from './billing-settings/billing-settings.service';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogRpcController } from './catalog/catalog.rpc.controller';
import { CatalogService } from './catalog/catalog.service';
import { CheckoutRpcController } from './checkouts/checkout.rpc.controller';
import { CheckoutService } from './checkouts/checkout.service';
import { CouponsRpcController } from './coupons/coupons.rpc.controller';
import { CouponsService } from './coupons/coupons.service';
import { CustomersService } from './customers/customers.service';
import { subscriptionsSchema } from './database/subscriptions.schema';
import { DunningCaseRepository } from './dunning/dunning-case.repository';
import { DunningCasesRpcController } from './dunning/dunning-cases.rpc.controller';
import { DunningCasesService } from './dunning/dunning-cases.service';
import { DunningRetrySchedule } from './dunning/dunning-retry.schedule';
import { DunningService } from './dunning/dunning.service';
import { EntitlementsRpcController } from './entitlements/entitlements.rpc.controller';
import { EntitlementLapseSchedule } from './entitlements/entitlement-lapse.schedule';
import { EntitlementsService } from './entitlements/entitlements.service';
import { AddressGrantsService } from './entitlements/address-grants.service';
import { GiftCheckoutsRpcController } from './gifts/gift-checkouts.rpc.controller';
import { GiftCheckoutsService } from './gifts/gift-checkouts.service';
import { GiftExpirySchedule } from './gifts/gift-expiry.schedule';
import { GiftPageRpcController } from './gifts/gift-page.rpc.controller';
import { GiftPurchaseRepository } from './gifts/gift-purchase.repository';
import { GiftPurchasesService } from './gifts/gift-purchases.service';
import { GiftRepository } from './gifts/gift.repository';
import { GiftsRpcController } from './gifts/gifts.rpc.controller';
import { GiftsService } from './gifts/gifts.service';
import { GroupLicenceRepository } from './group-licences/group-licence.repository';
import { GroupLicencesRpcController } from './group-licences/group-licences.rpc.controller';
import { GroupLicencesService } from './group-licences/group-licences.service';
import { GroupMembershipRepository } from './group-licences/group-membership.repository';
import { GroupMembershipsRpcController } from './group-licences/group-memberships.rpc.controller';
import { GroupMembershipsService } from './group-licences/group-memberships.service';
import { InvoiceRepository } from './invoices/invoice.repository';
import { InvoicesRpcController } from './invoices/invoices.rpc.controller';
import { InvoicesService } from './invoices/invoices.service';
import { ProviderBalance } from './payments/provider-balance';
import { ProviderBilling } from './payments/provider-billing';
import { ProviderCatalog } from './payments/provider-catalog';
import { ProviderCheckout } from './payments/provider-checkout';
import { ProviderNotifications } from './payments/provider-notifications';
import { ProviderRefundsAndDisputes } from './payments/provider-refunds-and-disputes';
import { StripeBalance } from './payments/stripe/stripe-balance';
import { StripeBilling } from './payments/stripe/stripe-billing';
import { StripeCatalog } from './payments/stripe/stripe-catalog';
import { StripeCheckout } from './payments/stripe/stripe-checkout';
import { StripeClient } from './payments/stripe/stripe-client';
import { StripeNotifications } from './payments/stripe/stripe-notifications';
import { StripeRefundsAndDisputes } from './payments/stripe/stripe-refunds-and-disputes';
import { ProviderBalanceRpcController } from './provider-balance/provider-balance.rpc.controller';
import { ProviderBalanceService } from './provider-balance/provider-balance.service';
import { DriftRepairService } from './provider-sync/drift-repair.service';
import { ProviderSyncJobRepository } from './provider-sync/provider-sync-job.repository';
import { ProviderSyncJobsRpcController } from './provider-sync/provider-sync-jobs.rpc.controller';
import { ProviderSyncJobsService } from './provider-sync/provider-sync-jobs.service';
import { ProviderSyncRunner } from './provider-sync/provider-sync.runner';
import { ProviderSyncSchedule } from './provider-sync/provider-sync.schedule';
import { ProviderNotificationRepository } from './provider-notifications/provider-notification.repository';
import { ProviderNotificationRunner } from './provider-notifications/provider-notification.runner';
import { ProviderNotificationsRpcController } from './provider-notifications/provider-notifications.rpc.controller';
import { ProviderNotificationsService } from './provider-notifications/provider-notifications.service';
import { PlanChangeRpcController } from './reader-subscriptions/plan-change.rpc.controller';
import { PlanChangeService } from './reader-subscriptions/plan-change.service';
import { ReaderSubscriptionsRpcController } from './reader-subscriptions/reader-subscriptions.rpc.controller';
import { ReaderSubscriptionsService } from './reader-subscriptions/reader-subscriptions.service';
import { SubscriptionSyncService } from './reader-subscriptions/subscription-sync.service';
import { RefundsAndDisputesService } from './refunds-and-disputes/refunds-and-disputes.service';
import { StripeAccountsRpcController } from './stripe-accounts/stripe-accounts.rpc.controller';
import { StripeAccountsService } from './stripe-accounts/stripe-accounts.service';
import { TaxRatesRpcController } from './tax-rates/tax-rates.rpc.controller';
import { TaxRatesService } from './tax-rates/tax-rates.service';
import { TenantsEventsController } from './tenants/tenants.events.controller';

import { AddressGrantRepository } from './entitlements/address-grant.repository';
import { CheckoutRepository } from './checkouts/checkout.repository';
import { CustomerRepository } from './customers/customer.repository';
import { DisputeRepository } from './refunds-and-disputes/dispute.repository';
import { GrantSourceRepository } from './entitlements/grant-source.repository';
import { GroupInvitationRepository } from './group-licences/group-invitation.repository';
import { ReaderEntitlementsRepository } from './entitlements/reader-entitlements.repository';
import { ReaderSubscriptionRepository } from './reader-subscriptions/reader-subscription.repository';
import { RefundRepository } from './refunds-and-disputes/refund.repository';
import { StripeAccountRepository } from './stripe-accounts/stripe-account.repository';
import { SubscriptionsTenantRepository } from './tenants/subscriptions-tenant.repository';
import { TaxRateRepository } from './tax-rates/tax-rate.repository';
import { TenantsService } from './tenants/tenants.service';

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
        ProviderNotificationsRpcController,
        EntitlementsRpcController,
        GiftsRpcController,
        GiftCheckoutsRpcController,
        GiftPageRpcController,
        GroupLicencesRpcController,
        GroupMembershipsRpcController,
        ReaderSubscriptionsRpcController,
        PlanChangeRpcController,
        CouponsRpcController,
        ProviderSyncJobsRpcController,
        TaxRatesRpcController,
        InvoicesRpcController,
        DunningCasesRpcController,
        ProviderBalanceRpcController,
      ],
      providers: [
        BillingSettingsService,
        BillingSettingsRepository,
        StripeClient,
        { provide: ProviderCatalog, useClass: StripeCatalog },
        { provide: ProviderCheckout, useClass: StripeCheckout },
        { provide: ProviderBilling, useClass: StripeBilling },
        { provide: ProviderRefundsAndDisputes, useClass: StripeRefundsAndDisputes },
        { provide: ProviderNotifications, useClass: StripeNotifications },
        { provide: ProviderBalance, useClass: StripeBalance },
        StripeAccountsService,
        CatalogRepository,
        CatalogService,
        CustomersService,
        CheckoutService,
        SubscriptionSyncService,
        ReaderSubscriptionsService,
        PlanChangeService,
        EntitlementsService,
        EntitlementLapseSchedule,
        AddressGrantsService,
        GiftRepository,
        GiftsService,
        GiftPurchaseRepository,
        GiftPurchasesService,
        GiftCheckoutsService,
        GiftExpirySchedule,
        GroupLicenceRepository,
        GroupLicencesService,
        GroupMembershipRepository,
        GroupMembershipsService,
        InvoiceRepository,
        InvoicesService,
        ProviderNotificationsService,
        ProviderNotificationRepository,
        ProviderNotificationRunner,
        RefundsAndDisputesService,
        DunningCaseRepository,
        DunningService,
        DunningCasesService,
        DunningRetrySchedule,
        CouponsService,
        DriftRepairService,
        ProviderSyncJobRepository,
        ProviderSyncJobsService,
        ProviderSyncRunner,
        ProviderSyncSchedule,
        TaxRatesService,
        ProviderBalanceService,
        AddressGrantRepository,
        CheckoutRepository,
        CustomerRepository,
        DisputeRepository,
        GrantSourceRepository,
        GroupInvitationRepository,
        ReaderEntitlementsRepository,
        ReaderSubscriptionRepository,
        RefundRepository,
        StripeAccountRepository,
        SubscriptionsTenantRepository,
        TaxRateRepository,
        TenantsService,
      ],
    };
  }
}
