import { Module } from '@nestjs/common';
import { MemoryModule } from '../memory/memory.module';
import { ReaderDecisionsModule } from '../reader-decisions/reader-decisions.module';
import { PublicDecisionServer } from './public-decision-server';

/** The public decision endpoint, on its own port and server. */
@Module({
  imports: [ReaderDecisionsModule, MemoryModule],
  providers: [PublicDecisionServer],
})
export class PublicDecisionsModule {}
