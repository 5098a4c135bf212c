import { Module } from '@nestjs/common';
import { MemoryModule } from '../memory/memory.module';
import { OffersModule } from '../offers/offers.module';
import { PoliciesModule } from '../policies/policies.module';
import { ExperimentArmCountsRepository } from './experiment-arm-counts.repository';
import { ExperimentCounters } from './experiment-counters';
import { ExperimentCountsSchedule } from './experiment-counts.schedule';
import { ExperimentImpressionsEventsController } from './experiment-impressions.events.controller';
import { ExperimentRepository } from './experiment.repository';
import { ExperimentsRpcController } from './experiments.rpc.controller';
import { ExperimentsService } from './experiments.service';

@Module({
  imports: [PoliciesModule, OffersModule, MemoryModule],
  controllers: [ExperimentsRpcController, ExperimentImpressionsEventsController],
  providers: [
    ExperimentRepository,
    ExperimentArmCountsRepository,
    ExperimentsService,
    ExperimentCounters,
    ExperimentCountsSchedule,
  ],
  exports: [ExperimentRepository, ExperimentArmCountsRepository, ExperimentCounters],
})
export class ExperimentsModule {}
