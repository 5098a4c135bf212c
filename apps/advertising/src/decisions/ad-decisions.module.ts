import { Module } from '@nestjs/common';
import { BeaconsModule } from '../beacons/beacons.module';
import { CreativesModule } from '../creatives/creatives.module';
import { PacingModule } from '../pacing/pacing.module';
import { ReadersModule } from '../readers/readers.module';
import { ServingModule } from '../serving/serving.module';
import { SitesModule } from '../sites/sites.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AdMemory } from './ad-memory';
import { CreativeFilesServer } from './creative-files-server';
import { LinePacing } from './line-pacing';
import { LiveAdState } from './live-ad-state';
import { PacingSchedule } from './pacing.schedule';
import { PublicAdServer } from './public-ad-server';
import { ReaderStatuses } from './reader-statuses';
import { SiteTraffic } from './site-traffic';
import { SiteTrafficSchedule } from './site-traffic.schedule';

/**
 * Ad decisions for reader pages: memory fed by events (orders, units, sites, readers), pacing
 * looked at every few minutes, one pure decision, the public endpoint on its own port.
 */
@Module({
  imports: [BeaconsModule, CreativesModule, PacingModule, ReadersModule, ServingModule, SitesModule, TenantsModule],
  providers: [
    AdMemory,
    ReaderStatuses,
    LinePacing,
    SiteTraffic,
    LiveAdState,
    PacingSchedule,
    SiteTrafficSchedule,
    PublicAdServer,
    CreativeFilesServer,
  ],
  exports: [AdMemory, PublicAdServer],
})
export class AdDecisionsModule {}
