import { Module } from '@nestjs/common';
import { BeaconsModule } from '../beacons/beacons.module';
import { ServingModule } from '../serving/serving.module';
import { SitesModule } from '../sites/sites.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AdMemory } from './ad-memory';
import { LiveAdState } from './live-ad-state';
import { PublicAdServer } from './public-ad-server';

/** Ad decisions for reader pages: memory fed by events, one pure decision, the public endpoint on its own port. */
@Module({
  imports: [BeaconsModule, ServingModule, SitesModule, TenantsModule],
  providers: [AdMemory, LiveAdState, PublicAdServer],
  exports: [AdMemory, PublicAdServer],
})
export class AdDecisionsModule {}
