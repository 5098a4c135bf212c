import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { ArticlesRepository } from './articles/articles.repository';
import { ArticlesRpcController } from './articles/articles.rpc.controller';
import { ArticlesService } from './articles/articles.service';
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
      controllers: [PoliciesRpcController, ArticlesRpcController, TenantsEventsController],
      providers: [PoliciesService, PolicyRepository, ArticlesService, ArticlesRepository],
    };
  }
}
