import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FinanceTenantRepository } from './finance-tenant.repository';
import { TenantsEventsController } from './tenants.events.controller';
import { TenantsService } from './tenants.service';

/** The agencies finance keeps books for, provisioned when the gateway registers them. */
@Module({
  imports: [AccountsModule],
  controllers: [TenantsEventsController],
  providers: [TenantsService, FinanceTenantRepository],
})
export class TenantsModule {}
