import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { paywallSchema } from './database/paywall.schema';
import { PoliciesRpcController } from './policies/policies.rpc.controller';
import { PoliciesService } from './policies/policies.service';
import { PolicyRepository } from './policies/policy.repository';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class PaywallAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: PaywallAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...paywallSchema })],
      controllers: [PoliciesRpcController, TenantsEventsController],
      providers: [PoliciesService, PolicyRepository],
    };
  }
}
