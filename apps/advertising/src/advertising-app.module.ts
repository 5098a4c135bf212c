import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AdUnitRepository } from './ad-units/ad-unit.repository';
import { AdUnitsRpcController } from './ad-units/ad-units.rpc.controller';
import { AdUnitsService } from './ad-units/ad-units.service';
import { advertisingSchema } from './database/advertising.schema';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class AdvertisingAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: AdvertisingAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...advertisingSchema })],
      controllers: [AdUnitsRpcController, TenantsEventsController],
      providers: [AdUnitsService, AdUnitRepository],
    };
  }
}
