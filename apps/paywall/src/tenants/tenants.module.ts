import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { PaywallTenantRepository } from './paywall-tenant.repository';
import { TenantsEventsController } from './tenants.events.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [PoliciesModule],
  controllers: [TenantsEventsController],
  providers: [PaywallTenantRepository, TenantsService],
  exports: [PaywallTenantRepository],
})
export class TenantsModule {}
