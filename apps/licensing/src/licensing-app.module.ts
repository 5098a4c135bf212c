import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { CatalogModule } from './catalog/catalog.module';
import { licensingSchema } from './database/licensing.schema';
import { LicenceOffersModule } from './licence-offers/licence-offers.module';
import { LicenseesModule } from './licensees/licensees.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class LicensingAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: LicensingAppModule,
      imports: [
        ServiceCoreModule.forService({ ...instance, ...licensingSchema }),
        CatalogModule,
        LicenceOffersModule,
        LicenseesModule,
        TenantsModule,
      ],
    };
  }
}
