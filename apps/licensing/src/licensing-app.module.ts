import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { licensingSchema } from './database/licensing.schema';
import { LicenceOfferRepository } from './licence-offers/licence-offer.repository';
import { LicenceOffersRpcController } from './licence-offers/licence-offers.rpc.controller';
import { LicenceOffersService } from './licence-offers/licence-offers.service';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class LicensingAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: LicensingAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...licensingSchema })],
      controllers: [LicenceOffersRpcController, TenantsEventsController],
      providers: [LicenceOffersService, LicenceOfferRepository],
    };
  }
}
