import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { LicenceOffersService } from '../licence-offers/licence-offers.service';
import { LicensingTenant } from './licensing-tenant.entity';

@Controller()
export class TenantsEventsController {
  constructor(private readonly offers: LicenceOffersService) {}

  @ConsumesEvent(TenantCreated)
  async provision(event: EventEnvelope<TenantCreatedEvent>, tx: EntityManager): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = event.data;
    await tx.getRepository(LicensingTenant).insert({ tenantId, timeZone, locale, defaultCurrency });
    await this.offers.provisionDefaults(tx, tenantId);
  }
}
