import { Module } from '@nestjs/common';
import { BeaconsModule } from '../beacons/beacons.module';
import { CreativesModule } from '../creatives/creatives.module';
import { ServingModule } from '../serving/serving.module';
import { SitesModule } from '../sites/sites.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AdMemory } from './ad-memory';
import { CreativeFilesServer } from './creative-files-server';
import { LiveAdState } from './live-ad-state';
import { PublicAdServer } from './public-ad-server';

/**
 * Ad decisions for reader pages: memory fed by events, one pure decision, the public endpoint on
 * its own port, which also serves approved creatives' files.
 */
@Module({
  imports: [BeaconsModule, CreativesModule, ServingModule, SitesModule, TenantsModule],
  providers: [AdMemory, LiveAdState, PublicAdServer, CreativeFilesServer],
  exports: [AdMemory, PublicAdServer],
})
export class AdDecisionsModule {}
