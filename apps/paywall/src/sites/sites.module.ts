import { Module } from '@nestjs/common';
import { PaywallSiteRepository } from './paywall-site.repository';
import { SitesEventsController } from './sites.events.controller';
import { SitesService } from './sites.service';

@Module({
  controllers: [SitesEventsController],
  providers: [PaywallSiteRepository, SitesService],
  exports: [PaywallSiteRepository, SitesService],
})
export class SitesModule {}
