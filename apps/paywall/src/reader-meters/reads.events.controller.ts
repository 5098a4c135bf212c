import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, ReadsRecorded, ReadsRecordedEvent } from '@libs/contracts';
import { ReaderReadsService } from './reader-reads.service';

/** Stores logged-in readers' reads (one row per article and day), for instances that start later. */
@Controller()
export class ReadsEventsController {
  constructor(private readonly reads: ReaderReadsService) {}

  @ConsumesEvent(ReadsRecorded)
  store(event: EventEnvelope<ReadsRecordedEvent>, tx: EventTransaction): Promise<void> {
    return this.reads.store(tx, event.tenantId, event.data.reads);
  }
}
