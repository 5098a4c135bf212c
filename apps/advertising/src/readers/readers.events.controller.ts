import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EntitlementChanged, EntitlementChangedEvent, EventEnvelope } from '@libs/contracts';
import { ReadersService } from './readers.service';

/** Keeps advertising's durable copy of readers' entitlements. */
@Controller()
export class ReadersEventsController {
  constructor(private readonly readers: ReadersService) {}

  @ConsumesEvent(EntitlementChanged)
  recordGrants(event: EventEnvelope<EntitlementChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.readers.recordGrants(tx, event.tenantId, event.data);
  }
}
