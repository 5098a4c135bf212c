import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { StripeAccountRepository } from './stripe-account.repository';
import { StripeAccountsRpcController } from './stripe-accounts.rpc.controller';
import { StripeAccountsService } from './stripe-accounts.service';
import { StripeApiRelayService } from './stripe-api-relay.service';
import { StripeApiRpcController } from './stripe-api.rpc.controller';
import { StripeNotificationRepository } from './stripe-notification.repository';
import { StripeNotificationsService } from './stripe-notifications.service';
import { StripeWebhookRoutes } from './stripe-webhook-routes';

/**
 * The agencies' Stripe accounts: their credentials, the only way to Stripe's API (for the
 * Billing requests subscriptions makes) and Stripe's webhooks, verified and published.
 */
@Module({
  imports: [TenantsModule],
  controllers: [StripeAccountsRpcController, StripeApiRpcController],
  providers: [
    StripeAccountsService,
    StripeAccountRepository,
    StripeApiRelayService,
    StripeNotificationsService,
    StripeNotificationRepository,
    StripeWebhookRoutes,
  ],
  exports: [StripeWebhookRoutes, StripeNotificationRepository],
})
export class StripeModule {}
