import { Module } from '@nestjs/common';
import { PaymentsTenantRepository } from './payments-tenant.repository';
import { TenantsEventsController } from './tenants.events.controller';
import { TenantsService } from './tenants.service';

/** The agency as payments needs it, provisioned when the agency is registered. */
@Module({
  controllers: [TenantsEventsController],
  providers: [TenantsService, PaymentsTenantRepository],
  exports: [PaymentsTenantRepository],
})
export class TenantsModule {}
