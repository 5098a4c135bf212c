import { Module } from '@nestjs/common';
import { BillingSettingsModule } from '../billing-settings/billing-settings.module';
import { SubscriptionsTenantRepository } from './subscriptions-tenant.repository';
import { TenantsEventsController } from './tenants.events.controller';
import { TenantsService } from './tenants.service';

/** The agencies as subscriptions knows them, provisioned from the gateway's TenantCreated. */
@Module({
  imports: [BillingSettingsModule],
  controllers: [TenantsEventsController],
  providers: [TenantsService, SubscriptionsTenantRepository],
  exports: [SubscriptionsTenantRepository],
})
export class TenantsModule {}
