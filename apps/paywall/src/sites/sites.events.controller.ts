import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, SiteChanged, SiteChangedEvent } from '@libs/contracts';
import { SitesService } from './sites.service';

/** Keeps the paywall's copy of the sites. */
@Controller()
export class SitesEventsController {
  constructor(private readonly sites: SitesService) {}

  @ConsumesEvent(SiteChanged)
  record(event: EventEnvelope<SiteChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.sites.record(tx, event.tenantId, event.data);
  }
}
