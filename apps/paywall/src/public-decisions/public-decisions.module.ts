import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { MemoryModule } from '../memory/memory.module';
import { PublicDecisionServer } from './public-decision-server';

/** The public decision endpoint, on its own port and server. */
@Module({
  imports: [DecisionsModule, MemoryModule],
  providers: [PublicDecisionServer],
})
export class PublicDecisionsModule {}
