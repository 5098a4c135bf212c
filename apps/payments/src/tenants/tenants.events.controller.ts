import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { TenantsService } from './tenants.service';

@Controller()
export class TenantsEventsController {
  constructor(private readonly tenants: TenantsService) {}

  @ConsumesEvent(TenantCreated)
  provision(event: EventEnvelope<TenantCreatedEvent>, tx: EventTransaction): Promise<void> {
    return this.tenants.provision(tx, event.data);
  }
}
