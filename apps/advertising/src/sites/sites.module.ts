import { Module } from '@nestjs/common';
import { AdvertisingSiteRepository } from './advertising-site.repository';
import { SitesEventsController } from './sites.events.controller';
import { SitesRpcController } from './sites.rpc.controller';
import { SitesService } from './sites.service';

/** The agency's sites, followed from the gateway's events, on which ad units are placed; and their ad settings. */
@Module({
  controllers: [SitesEventsController, SitesRpcController],
  providers: [SitesService, AdvertisingSiteRepository],
  exports: [SitesService, AdvertisingSiteRepository],
})
export class SitesModule {}
