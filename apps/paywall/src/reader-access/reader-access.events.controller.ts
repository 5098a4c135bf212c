import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import {
  AddressGrantChanged,
  AddressGrantChangedEvent,
  EntitlementChanged,
  EntitlementChangedEvent,
  EventEnvelope,
} from '@libs/contracts';
import { ReaderAccessService } from './reader-access.service';

/** Keeps the paywall's durable copy of who may read what. */
@Controller()
export class ReaderAccessEventsController {
  constructor(private readonly readerAccess: ReaderAccessService) {}

  @ConsumesEvent(EntitlementChanged)
  readerGrants(event: EventEnvelope<EntitlementChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.readerAccess.recordReaderGrants(tx, event.tenantId, event.data);
  }

  @ConsumesEvent(AddressGrantChanged)
  addressGrants(event: EventEnvelope<AddressGrantChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.readerAccess.recordAddressGrants(tx, event.tenantId, event.data);
  }
}
