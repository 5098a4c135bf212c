import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, ExperimentImpressionsRecorded, ExperimentImpressionsRecordedEvent } from '@libs/contracts';
import { ExperimentsService } from './experiments.service';

/** Adds the instances' batched decision counts to the arms' totals (one writer: the durable consumer). */
@Controller()
export class ExperimentImpressionsEventsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @ConsumesEvent(ExperimentImpressionsRecorded)
  store(event: EventEnvelope<ExperimentImpressionsRecordedEvent>, tx: EventTransaction): Promise<void> {
    return this.experiments.recordImpressions(tx, event.tenantId, event.data.counts);
  }
}
