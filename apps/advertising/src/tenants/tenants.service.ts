import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantCreatedEvent } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { AdvertisingTenantRepository } from './advertising-tenant.repository';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: AdvertisingTenantRepository,
    private readonly adUnits: AdUnitsService,
  ) {}

  /** A new agency: its calendar, locale and currency, and the defaults it starts with. */
  async provision(tx: EntityManager, agency: TenantCreatedEvent): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = agency;
    await this.tenants.insert(tx, { tenantId, timeZone, locale, defaultCurrency, sponsoredLabel: null });
    await this.adUnits.provisionDefaults(tx, tenantId);
  }
}
