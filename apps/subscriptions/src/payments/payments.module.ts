import { Module } from '@nestjs/common';
import { StripePaymentsModule } from './stripe/stripe-payments.module';

/**
 * The payment provider's capabilities, one port each (`ProviderCatalog`, `ProviderCheckout`,
 * `ProviderBilling`, `ProviderRefundsAndDisputes`, `ProviderBalance`); features inject the ports
 * they need. Stripe implements all of them, reached through the payments service, which holds the
 * agencies' Stripe accounts and receives Stripe's webhooks.
 */
@Module({
  imports: [StripePaymentsModule],
  exports: [StripePaymentsModule],
})
export class PaymentsModule {}
