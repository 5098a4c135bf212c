import { Module } from '@nestjs/common';
import { ProviderBalance } from '../provider-balance';
import { ProviderBilling } from '../provider-billing';
import { ProviderCatalog } from '../provider-catalog';
import { ProviderCheckout } from '../provider-checkout';
import { ProviderRefundsAndDisputes } from '../provider-refunds-and-disputes';
import { StripeBalance } from './stripe-balance';
import { StripeBilling } from './stripe-billing';
import { StripeCatalog } from './stripe-catalog';
import { StripeCheckout } from './stripe-checkout';
import { StripeClient } from './stripe-client';
import { StripeRefundsAndDisputes } from './stripe-refunds-and-disputes';

/** Stripe behind every payment capability: one adapter per port, all on one paced client. */
@Module({
  providers: [
    StripeClient,
    { provide: ProviderCatalog, useClass: StripeCatalog },
    { provide: ProviderCheckout, useClass: StripeCheckout },
    { provide: ProviderBilling, useClass: StripeBilling },
    { provide: ProviderRefundsAndDisputes, useClass: StripeRefundsAndDisputes },
    { provide: ProviderBalance, useClass: StripeBalance },
  ],
  exports: [ProviderCatalog, ProviderCheckout, ProviderBilling, ProviderRefundsAndDisputes, ProviderBalance],
})
export class StripePaymentsModule {}
