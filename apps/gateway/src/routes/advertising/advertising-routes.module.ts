import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../../api-keys/api-keys.module';
import { AdvertisingAdUnitsController } from './ad-units.controller';
import { AdvertisingAdvertisersController } from './advertisers.controller';
import { AdvertisingAvailabilityController } from './availability.controller';
import { AdvertisingCreativesController } from './creatives.controller';
import { AdvertisingMakeGoodsController } from './make-goods.controller';
import { AdvertisingInvoicesController } from './invoices.controller';
import { AdvertisingOrdersController } from './orders.controller';
import { AdvertisingQuotesController } from './quotes.controller';
import { AdvertisingSponsoredArticlesController } from './sponsored-articles.controller';
import { AdvertisingTakeoverPagesController } from './takeover-pages.controller';
import { AdvertisingTakeoversController } from './takeovers.controller';
import { AdvertisingReportsDeliveryController } from './reports/delivery.controller';
import { AdvertisingSitesController } from './sites.controller';

/** The routes `/v1/advertising/…`, forwarded to the advertising service over NATS. */
@Module({
  imports: [ApiKeysModule],
  controllers: [
    AdvertisingAdUnitsController,
    AdvertisingAdvertisersController,
    AdvertisingAvailabilityController,
    AdvertisingCreativesController,
    AdvertisingMakeGoodsController,
    AdvertisingInvoicesController,
    AdvertisingOrdersController,
    AdvertisingQuotesController,
    AdvertisingSponsoredArticlesController,
    AdvertisingTakeoverPagesController,
    AdvertisingTakeoversController,
    AdvertisingReportsDeliveryController,
    AdvertisingSitesController,
  ],
})
export class AdvertisingRoutesModule {}
