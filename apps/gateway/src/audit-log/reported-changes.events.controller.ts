import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { CONFIGURATION_CHANGED, ConfigurationChangedEvent, EventEnvelope } from '@libs/contracts';
import { AuditLogService } from './audit-log.service';

type Reported = EventEnvelope<ConfigurationChangedEvent>;
/** The transaction the consumer host handles the event in, handed on as it is. */

/** The services' configuration changes, into the one audit log of the agency. */
@Controller()
export class ReportedChangesEventsController {
  constructor(private readonly audit: AuditLogService) {}

  @ConsumesEvent(CONFIGURATION_CHANGED.paywall)
  paywall(event: Reported, tx: EventTransaction): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.subscriptions)
  subscriptions(event: Reported, tx: EventTransaction): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.payments)
  payments(event: Reported, tx: EventTransaction): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.advertising)
  advertising(event: Reported, tx: EventTransaction): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.licensing)
  licensing(event: Reported, tx: EventTransaction): Promise<void> {
    return this.audit.recordReported(tx, event);
  }

  @ConsumesEvent(CONFIGURATION_CHANGED.finance)
  finance(event: Reported, tx: EventTransaction): Promise<void> {
    return this.audit.recordReported(tx, event);
  }
}
