import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AdUnitsModule } from './ad-units/ad-units.module';
import { advertisingSchema } from './database/advertising.schema';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class AdvertisingAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: AdvertisingAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...advertisingSchema }), AdUnitsModule, TenantsModule],
    };
  }
}
