import { Module } from '@nestjs/common';
import { AdvertisingRoutesModule } from './advertising/advertising-routes.module';
import { FinanceRoutesModule } from './finance/finance-routes.module';
import { LicensingRoutesModule } from './licensing/licensing-routes.module';
import { PaymentsRoutesModule } from './payments/payments-routes.module';
import { PaywallRoutesModule } from './paywall/paywall-routes.module';
import { SubscriptionsRoutesModule } from './subscriptions/subscriptions-routes.module';

/**
 * The routes the gateway forwards to another service: `/v1/<service>/<resource>…` is served by
 * `routes/<service>/<resource>.controller.ts`, which authenticates, applies the access rule and
 * asks the service over NATS.
 */
@Module({
  imports: [
    PaywallRoutesModule,
    SubscriptionsRoutesModule,
    PaymentsRoutesModule,
    AdvertisingRoutesModule,
    LicensingRoutesModule,
    FinanceRoutesModule,
  ],
})
export class RoutesModule {}
