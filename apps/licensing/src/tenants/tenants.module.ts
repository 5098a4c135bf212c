import { Module } from '@nestjs/common';
import { LicenceOffersModule } from '../licence-offers/licence-offers.module';
import { LicensingTenantRepository } from './licensing-tenant.repository';
import { TenantsEventsController } from './tenants.events.controller';
import { TenantsService } from './tenants.service';

/** The agency as licensing needs it, provisioned with its default licence offers when the agency is registered. */
@Module({
  imports: [LicenceOffersModule],
  controllers: [TenantsEventsController],
  providers: [TenantsService, LicensingTenantRepository],
})
export class TenantsModule {}
