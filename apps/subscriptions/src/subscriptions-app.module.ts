import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { BillingSettingsRepository } from './billing-settings/billing-settings.repository';
import { BillingSettingsRpcController } from './billing-settings/billing-settings.rpc.controller';
import { BillingSettingsService } from './billing-settings/billing-settings.service';
import { subscriptionsSchema } from './database/subscriptions.schema';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class SubscriptionsAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: SubscriptionsAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...subscriptionsSchema })],
      controllers: [BillingSettingsRpcController, TenantsEventsController],
      providers: [BillingSettingsService, BillingSettingsRepository],
    };
  }
}
