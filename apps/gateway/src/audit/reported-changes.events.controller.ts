import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { CONFIGURATION_CHANGED, ConfigurationChangedEvent, EventEnvelope } from '@libs/contracts';
import { AuditLog } from './audit-log';

type Reported = EventEnvelope<ConfigurationChangedEvent>;

/** The services' configuration changes, into the one audit log of the agency. */
@Controller()
export class ReportedChangesEventsController {
  constructor(private readonly audit: AuditLog) {}

  @ConsumesEvent(CONFIGURATION_CHANGED.paywall)
  paywall(event: Reported, tx: EntityManager): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.subscriptions)
  subscriptions(event: Reported, tx: EntityManager): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.advertising)
  advertising(event: Reported, tx: EntityManager): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.licensing)
  licensing(event: Reported, tx: EntityManager): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.finance)
  finance(event: Reported, tx: EntityManager): Promise<void> {
    return this.audit.recordReported(tx, event);
  }
}
