import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { SitesModule } from '../sites/sites.module';
import { TakeoverPageRepository } from './takeover-page.repository';
import { TakeoverPagesRpcController } from './takeover-pages.rpc.controller';
import { TakeoverPagesService } from './takeover-pages.service';

/** Takeover pages: the units of a site's page (the homepage…) a takeover takes together. */
@Module({
  imports: [AdUnitsModule, SitesModule],
  controllers: [TakeoverPagesRpcController],
  providers: [TakeoverPagesService, TakeoverPageRepository],
  exports: [TakeoverPagesService],
})
export class TakeoverPagesModule {}
