import { Module } from '@nestjs/common';
import { CredentialSealer } from '@libs/common';
import { GatewayEnv } from '../../config/gateway.config';
import { SitesModule } from '../../sites/sites.module';
import { SubscriptionsBillingSettingsController } from './billing-settings.controller';
import { SubscriptionsCheckoutSessionsController } from './checkout-sessions.controller';
import { SubscriptionsCouponsController } from './coupons.controller';
import { SubscriptionsDunningCasesController } from './dunning-cases.controller';
import { SubscriptionsEntitlementsController } from './entitlements.controller';
import { SubscriptionsGiftCheckoutsController } from './gift-checkouts.controller';
import { SubscriptionsGiftRailCheckoutsController } from './gift-rail-checkouts.controller';
import { SubscriptionsGiftsController } from './gifts.controller';
import { SubscriptionsGroupLicencesController } from './group-licences.controller';
import { SubscriptionsInvoicesController } from './invoices.controller';
import { SubscriptionsPlansController } from './plans.controller';
import { SubscriptionsPortalSessionsController } from './portal-sessions.controller';
import { SubscriptionsProductsController } from './products.controller';
import { SubscriptionsRailCheckoutsController } from './rail-checkouts.controller';
import { SubscriptionsStripeAccountController } from './stripe-account.controller';
import { SubscriptionsSubscriptionsController } from './subscriptions.controller';
import { SubscriptionsSyncJobsController } from './sync-jobs.controller';
import { SubscriptionsSyncController } from './sync.controller';
import { SubscriptionsTaxRatesController } from './tax-rates.controller';

/** The routes `/v1/subscriptions/…`, forwarded to the subscriptions service over NATS. */
@Module({
  imports: [SitesModule],
  controllers: [
    SubscriptionsBillingSettingsController,
    SubscriptionsStripeAccountController,
    SubscriptionsProductsController,
    SubscriptionsPlansController,
    SubscriptionsCheckoutSessionsController,
    SubscriptionsRailCheckoutsController,
    SubscriptionsPortalSessionsController,
    SubscriptionsSubscriptionsController,
    SubscriptionsEntitlementsController,
    SubscriptionsGiftsController,
    SubscriptionsGiftCheckoutsController,
    SubscriptionsGiftRailCheckoutsController,
    SubscriptionsGroupLicencesController,
    SubscriptionsCouponsController,
    SubscriptionsTaxRatesController,
    SubscriptionsInvoicesController,
    SubscriptionsDunningCasesController,
    SubscriptionsSyncController,
    SubscriptionsSyncJobsController,
  ],
  providers: [
    {
      provide: CredentialSealer,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => new CredentialSealer(env.PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY),
    },
  ],
})
export class SubscriptionsRoutesModule {}
