import { Module } from '@nestjs/common';
import { parseSigningKeys, ReaderTokens, SignedTokens } from '@libs/common';
import { PaywallEnv } from '../config/paywall.config';
import { MeterTokens } from '../decisions/meter-tokens';

import { ExperimentsModule } from '../experiments/experiments.module';
import { MemoryModule } from '../memory/memory.module';
import { ReaderMetersModule } from '../reader-meters/reader-meters.module';
import { DecisionPreviewsRpcController } from './decision-previews.rpc.controller';
import { ReaderDecisionsService } from './reader-decisions.service';
import { ReaderTokensRpcController } from './reader-tokens.rpc.controller';

/** A reader's decision, from what the instance holds in memory, and the tokens readers carry to it. */
@Module({
  imports: [MemoryModule, ReaderMetersModule, ExperimentsModule],
  controllers: [DecisionPreviewsRpcController, ReaderTokensRpcController],
  providers: [
    {
      provide: SignedTokens,
      inject: [PaywallEnv],
      useFactory: (env: PaywallEnv) => new SignedTokens(parseSigningKeys(env.PAYWALL_TOKEN_KEYS)),
    },
    { provide: MeterTokens, inject: [SignedTokens], useFactory: (tokens: SignedTokens) => new MeterTokens(tokens) },
    { provide: ReaderTokens, inject: [SignedTokens], useFactory: (tokens: SignedTokens) => new ReaderTokens(tokens) },
    ReaderDecisionsService,
  ],
  exports: [ReaderDecisionsService],
})
export class ReaderDecisionsModule {}
