import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { PoliciesService } from '../policies/policies.service';
import { PaywallTenant } from './paywall-tenant.entity';

@Controller()
export class TenantsEventsController {
  constructor(private readonly policies: PoliciesService) {}

  @ConsumesEvent(TenantCreated)
  async provision(event: EventEnvelope<TenantCreatedEvent>, tx: EntityManager): Promise<void> {
    const { tenantId, timeZone, locale } = event.data;
    await tx.getRepository(PaywallTenant).insert({ tenantId, timeZone, locale });
    await this.policies.provisionDefaults(tx, tenantId);
  }
}
