import { Module } from '@nestjs/common';
import { PaywallArticlesController } from './articles.controller';
import { PaywallConversionsController } from './conversions.controller';
import { PaywallDecisionPreviewsController } from './decision-previews.controller';
import { PaywallExperimentsController } from './experiments.controller';
import { PaywallOfferRevisionsController } from './offer-revisions.controller';
import { PaywallOffersController } from './offers.controller';
import { PaywallPoliciesController } from './policies.controller';
import { PaywallPolicyRevisionsController } from './policy-revisions.controller';
import { PaywallReaderTokensController } from './reader-tokens.controller';

/** The routes `/v1/paywall/…`, forwarded to the paywall service over NATS. */
@Module({
  controllers: [
    PaywallPoliciesController,
    PaywallPolicyRevisionsController,
    PaywallDecisionPreviewsController,
    PaywallReaderTokensController,
    PaywallOffersController,
    PaywallOfferRevisionsController,
    PaywallExperimentsController,
    PaywallConversionsController,
    PaywallArticlesController,
  ],
})
export class PaywallRoutesModule {}
