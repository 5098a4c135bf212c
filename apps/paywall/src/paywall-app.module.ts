import { DynamicModule, Module } from '@nestjs/common';
import { SERVICE_OPTIONS, ServiceCoreModule, ServiceInstance, ServiceOptions } from '@libs/common';
import { PaywallEnv } from './config/paywall.config';
import { ArticlesRepository } from './articles/articles.repository';
import { ArticlesRpcController } from './articles/articles.rpc.controller';
import { ArticlesService } from './articles/articles.service';
import { paywallSchema } from './database/paywall.schema';
import { MeterTokens } from './decisions/meter-token';
import { ReaderTokens } from './decisions/reader-tokens';
import { parseSigningKeys, SignedTokens } from './decisions/signed-tokens';
import { ConversionsEventsController } from './conversions/conversions.events.controller';
import { ConversionsRpcController } from './conversions/conversions.rpc.controller';
import { ExperimentCounters } from './experiments/experiment-counters';
import { ExperimentImpressionsEventsController } from './experiments/experiment-impressions.events.controller';
import { ExperimentsRpcController } from './experiments/experiments.rpc.controller';
import { ExperimentsService } from './experiments/experiments.service';
import { LiveState } from './live-state/live-state';
import { OfferRevisionsRepository } from './offers/offer-revisions.repository';
import { OffersRpcController } from './offers/offers.rpc.controller';
import { OffersService } from './offers/offers.service';
import { PaywallMemory } from './live-state/paywall-memory';
import { PoliciesRpcController } from './policies/policies.rpc.controller';
import { PoliciesService } from './policies/policies.service';
import { PolicyRevisionsRepository } from './policies/policy-revisions.repository';
import { PaywallDecisions } from './public-decisions/paywall-decisions';
import { PublicDecisionServer } from './public-decisions/public-decision-server';
import { DecisionPreviewsRpcController } from './decision-previews/decision-previews.rpc.controller';
import { ReaderAccessEventsController } from './reader-access/reader-access.events.controller';
import { ReaderMeters } from './reader-meters/reader-meters';
import { ReadsEventsController } from './reader-meters/reads.events.controller';
import { ReaderTokensRpcController } from './reader-tokens/reader-tokens.rpc.controller';
import { SitesEventsController } from './sites/sites.events.controller';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class PaywallAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: PaywallAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...paywallSchema })],
      controllers: [
        PoliciesRpcController,
        ArticlesRpcController,
        ReaderTokensRpcController,
        DecisionPreviewsRpcController,
        TenantsEventsController,
        SitesEventsController,
        ReaderAccessEventsController,
        ReadsEventsController,
        OffersRpcController,
        ExperimentsRpcController,
        ExperimentImpressionsEventsController,
        ConversionsEventsController,
        ConversionsRpcController,
      ],
      providers: [
        {
          provide: SignedTokens,
          inject: [SERVICE_OPTIONS],
          useFactory: (options: ServiceOptions) =>
            new SignedTokens(parseSigningKeys((options.env as PaywallEnv).PAYWALL_TOKEN_KEYS)),
        },
        { provide: MeterTokens, inject: [SignedTokens], useFactory: (tokens: SignedTokens) => new MeterTokens(tokens) },
        {
          provide: ReaderTokens,
          inject: [SignedTokens],
          useFactory: (tokens: SignedTokens) => new ReaderTokens(tokens),
        },
        PoliciesService,
        ArticlesService,
        ArticlesRepository,
        PolicyRevisionsRepository,
        OffersService,
        OfferRevisionsRepository,
        ExperimentsService,
        ExperimentCounters,
        PaywallMemory,
        ReaderMeters,
        LiveState,
        PaywallDecisions,
        PublicDecisionServer,
      ],
    };
  }
}
