import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { AdvertisingTenantRepository } from './advertising-tenant.repository';
import { TenantsEventsController } from './tenants.events.controller';
import { TenantsService } from './tenants.service';

/** The agency as advertising needs it, provisioned with its default ad units when the agency is registered. */
@Module({
  imports: [AdUnitsModule],
  controllers: [TenantsEventsController],
  providers: [TenantsService, AdvertisingTenantRepository],
  exports: [AdvertisingTenantRepository],
})
export class TenantsModule {}
