import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantCreatedEvent } from '@libs/contracts';
import { LicenceOffersService } from '../licence-offers/licence-offers.service';
import { LicensingTenantRepository } from './licensing-tenant.repository';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: LicensingTenantRepository,
    private readonly offers: LicenceOffersService,
  ) {}

  /** A new agency: its calendar, locale and currency, and the defaults it starts with. */
  async provision(tx: EntityManager, agency: TenantCreatedEvent): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = agency;
    await this.tenants.insert(tx, { tenantId, timeZone, locale, defaultCurrency });
    await this.offers.provisionDefaults(tx, tenantId);
  }
}
