import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, SiteChanged, SiteChangedEvent } from '@libs/contracts';
import { SitesService } from './sites.service';

@Controller()
export class SitesEventsController {
  constructor(private readonly sites: SitesService) {}

  @ConsumesEvent(SiteChanged)
  follow(event: EventEnvelope<SiteChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.sites.follow(tx, event.tenantId, event.data);
  }
}
