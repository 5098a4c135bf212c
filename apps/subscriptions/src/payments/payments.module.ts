import { Module } from '@nestjs/common';
import { StripePaymentsModule } from './stripe/stripe-payments.module';

/**
 * The payment provider's capabilities, one port each (`ProviderCatalog`, `ProviderCheckout`,
 * `ProviderBilling`, `ProviderRefundsAndDisputes`, `ProviderNotifications`, `ProviderBalance`);
 * features inject the ports they need. Stripe implements all of them today.
 */
@Module({
  imports: [StripePaymentsModule],
  exports: [StripePaymentsModule],
})
export class PaymentsModule {}
