import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { GrantSources } from '../entitlements/grant-sources';
import { PaymentsModule } from '../payments/payments.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { TaxRatesModule } from '../tax-rates/tax-rates.module';
import { UnappliedPaymentsModule } from '../unapplied-payments/unapplied-payments.module';
import { GiftCheckoutsRpcController } from './gift-checkouts.rpc.controller';
import { GiftCheckoutsService } from './gift-checkouts.service';
import { GiftExpirySchedule } from './gift-expiry.schedule';
import { GiftPageRpcController } from './gift-page.rpc.controller';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { GiftPurchasesService } from './gift-purchases.service';
import { GiftRailCheckoutsRpcController } from './gift-rail-checkouts.rpc.controller';
import { GiftRailCheckoutsService } from './gift-rail-checkouts.service';
import { GiftRailPaymentsService } from './gift-rail-payments.service';
import { GiftRailRefundsEventsController } from './gift-rail-refunds.events.controller';
import { GiftRailRefundsService } from './gift-rail-refunds.service';
import { GiftRepository } from './gift.repository';
import { GiftsRpcController } from './gifts.rpc.controller';
import { GiftsService } from './gifts.service';

/**
 * Gifts: recorded by staff or bought through gift checkout (the provider's or a rail's), redeemed
 * once, expired when unredeemed, revoked when a rail payment for one is refunded in full.
 */
@Module({
  imports: [
    CatalogModule,
    StripeAccountsModule,
    TaxRatesModule,
    PaymentsModule,
    EntitlementsModule,
    UnappliedPaymentsModule,
  ],
  controllers: [
    GiftsRpcController,
    GiftCheckoutsRpcController,
    GiftRailCheckoutsRpcController,
    GiftPageRpcController,
    GiftRailRefundsEventsController,
  ],
  providers: [
    GiftsService,
    GiftCheckoutsService,
    GiftPurchasesService,
    GiftRailCheckoutsService,
    GiftRailPaymentsService,
    GiftRailRefundsService,
    GiftRepository,
    GiftPurchaseRepository,
    GiftExpirySchedule,
  ],
  exports: [GiftPurchasesService, GiftRailPaymentsService],
})
export class GiftsModule implements OnModuleInit {
  constructor(
    private readonly grantSources: GrantSources,
    private readonly gifts: GiftsService,
  ) {}

  /** Redeemed gifts grant entitlements. */
  onModuleInit(): void {
    this.grantSources.register(this.gifts);
  }
}
