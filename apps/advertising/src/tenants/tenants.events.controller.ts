import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { AdvertisingTenant } from './advertising-tenant.entity';

@Controller()
export class TenantsEventsController {
  constructor(private readonly adUnits: AdUnitsService) {}

  @ConsumesEvent(TenantCreated)
  async provision(event: EventEnvelope<TenantCreatedEvent>, tx: EntityManager): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = event.data;
    await tx.getRepository(AdvertisingTenant).insert({ tenantId, timeZone, locale, defaultCurrency });
    await this.adUnits.provisionDefaults(tx, tenantId);
  }
}
