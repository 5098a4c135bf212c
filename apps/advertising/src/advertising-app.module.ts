import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AdDecisionsModule } from './decisions/ad-decisions.module';
import { AdUnitsModule } from './ad-units/ad-units.module';
import { AdvertisersModule } from './advertisers/advertisers.module';
import { AvailabilityModule } from './availability/availability.module';
import { CreativesModule } from './creatives/creatives.module';
import { advertisingSchema } from './database/advertising.schema';
import { DeliveryRecordsModule } from './delivery-records/delivery-records.module';
import { DeliveryReportsModule } from './delivery-reports/delivery-reports.module';
import { MakeGoodsModule } from './make-goods/make-goods.module';
import { InvoicesModule } from './invoices/invoices.module';
import { OrderPaymentsModule } from './order-payments/order-payments.module';
import { OrdersModule } from './orders/orders.module';
import { PacingModule } from './pacing/pacing.module';
import { QuotesModule } from './quotes/quotes.module';
import { RateCardsModule } from './rate-cards/rate-cards.module';
import { ReadersModule } from './readers/readers.module';
import { SitesModule } from './sites/sites.module';
import { SponsoredArticlesModule } from './sponsored-articles/sponsored-articles.module';
import { TakeoverPagesModule } from './takeover-pages/takeover-pages.module';
import { TakeoversModule } from './takeovers/takeovers.module';
import { TenantsModule } from './tenants/tenants.module';
import { TrackingModule } from './tracking/tracking.module';

@Module({})
export class AdvertisingAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: AdvertisingAppModule,
      imports: [
        ServiceCoreModule.forService({ ...instance, ...advertisingSchema }),
        AdDecisionsModule,
        AdUnitsModule,
        AdvertisersModule,
        AvailabilityModule,
        CreativesModule,
        DeliveryRecordsModule,
        DeliveryReportsModule,
        MakeGoodsModule,
        InvoicesModule,
        OrderPaymentsModule,
        OrdersModule,
        PacingModule,
        QuotesModule,
        RateCardsModule,
        ReadersModule,
        SitesModule,
        SponsoredArticlesModule,
        TakeoverPagesModule,
        TakeoversModule,
        TenantsModule,
        TrackingModule,
      ],
    };
  }
}
