import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditController } from './audit/audit.controller';
import { AuditLog } from './audit/audit-log';
import { ReportedChangesEventsController } from './audit/reported-changes.events.controller';
import { AccessGuard } from './auth/access.guard';
import { AccessTokens } from './auth/access-tokens';
import { AuthController } from './auth/auth.controller';
import { Authenticator } from './auth/authenticator';
import { LoginService } from './auth/login.service';
import { GatewayEnv } from './config/gateway.config';
import { gatewaySchema } from './database/gateway.schema';
import { DocsController } from './docs/docs.controller';
import { GiftPageController } from './gift-page/gift-page.controller';
import { ReaderSnippetController } from './reader-snippet/reader-snippet.controller';
import { GiftPageService } from './gift-page/gift-page.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { AdvertisingViewsController } from './service-views/advertising-views.controller';
import { FinanceReportsController } from './service-views/finance-reports.controller';
import { FinanceRecognitionController } from './service-views/finance-recognition.controller';
import { FinanceReconciliationController } from './service-views/finance-reconciliation.controller';
import { AccountingPeriodsController } from './service-views/accounting-periods.controller';
import { FinanceViewsController } from './service-views/finance-views.controller';
import { LicensingViewsController } from './service-views/licensing-views.controller';
import { PaymentWebhooksController } from './service-views/payment-webhooks.controller';
import { PaywallArticlesController } from './service-views/paywall-articles.controller';
import { PaywallExperimentsController } from './service-views/paywall-experiments.controller';
import { PaywallViewsController } from './service-views/paywall-views.controller';
import { SubscriptionBillingController } from './service-views/subscription-billing.controller';
import { ProviderSyncJobsController } from './service-views/provider-sync-jobs.controller';
import { SubscriptionChangesController } from './service-views/subscription-changes.controller';
import { SubscriptionsGiftCheckoutsController } from './service-views/subscriptions-gift-checkouts.controller';
import { SubscriptionsGiftsAndGroupsController } from './service-views/subscriptions-gifts-and-groups.controller';
import { SubscriptionsViewsController } from './service-views/subscriptions-views.controller';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { TenantsController } from './tenants/tenants.controller';
import { TenantsService } from './tenants/tenants.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({})
export class GatewayAppModule {
  static register(instance: ServiceInstance<GatewayEnv>): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...gatewaySchema })],
      controllers: [
        TenantsController,
        SitesController,
        ApiKeysController,
        UsersController,
        AuthController,
        AuditController,
        ReaderSnippetController,
        ReportedChangesEventsController,
        DocsController,
        PaywallViewsController,
        PaywallExperimentsController,
        PaywallArticlesController,
        SubscriptionsViewsController,
        SubscriptionsGiftsAndGroupsController,
        SubscriptionsGiftCheckoutsController,
        PaymentWebhooksController,
        SubscriptionChangesController,
        SubscriptionBillingController,
        ProviderSyncJobsController,
        AdvertisingViewsController,
        LicensingViewsController,
        FinanceViewsController,
        FinanceReportsController,
        FinanceRecognitionController,
        FinanceReconciliationController,
        AccountingPeriodsController,
        GiftPageController,
      ],
      providers: [
        { provide: AccessTokens, useValue: new AccessTokens(instance.env.JWT_SECRET, instance.env.JWT_TTL_MINUTES) },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        Authenticator,
        AuditLog,
        TenantsService,
        SitesService,
        ApiKeysService,
        UsersService,
        LoginService,
        GiftPageService,
      ],
    };
  }
}
