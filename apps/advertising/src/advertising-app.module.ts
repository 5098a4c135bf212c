import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AdDecisionsModule } from './decisions/ad-decisions.module';
import { AdUnitsModule } from './ad-units/ad-units.module';
import { AdvertisersModule } from './advertisers/advertisers.module';
import { AvailabilityModule } from './availability/availability.module';
import { CreativesModule } from './creatives/creatives.module';
import { advertisingSchema } from './database/advertising.schema';
import { OrdersModule } from './orders/orders.module';
import { PacingModule } from './pacing/pacing.module';
import { QuotesModule } from './quotes/quotes.module';
import { RateCardsModule } from './rate-cards/rate-cards.module';
import { ReadersModule } from './readers/readers.module';
import { SitesModule } from './sites/sites.module';
import { TenantsModule } from './tenants/tenants.module';

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
        OrdersModule,
        PacingModule,
        QuotesModule,
        RateCardsModule,
        ReadersModule,
        SitesModule,
        TenantsModule,
      ],
    };
  }
}
