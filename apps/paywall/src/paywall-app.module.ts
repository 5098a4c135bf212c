import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { ArticlesModule } from './articles/articles.module';
import { ConversionsModule } from './conversions/conversions.module';
import { paywallSchema } from './database/paywall.schema';
import { ExperimentsModule } from './experiments/experiments.module';
import { LiveStateModule } from './live-state/live-state.module';
import { OffersModule } from './offers/offers.module';
import { PoliciesModule } from './policies/policies.module';
import { PublicDecisionsModule } from './public-decisions/public-decisions.module';
import { ReaderDecisionsModule } from './reader-decisions/reader-decisions.module';
import { ReaderAccessModule } from './reader-access/reader-access.module';
import { ReaderMetersModule } from './reader-meters/reader-meters.module';
import { SitesModule } from './sites/sites.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class PaywallAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: PaywallAppModule,
      imports: [
        ServiceCoreModule.forService({ ...instance, ...paywallSchema }),
        TenantsModule,
        SitesModule,
        PoliciesModule,
        OffersModule,
        ArticlesModule,
        ExperimentsModule,
        ConversionsModule,
        ReaderAccessModule,
        ReaderMetersModule,
        LiveStateModule,
        ReaderDecisionsModule,
        PublicDecisionsModule,
      ],
    };
  }
}
