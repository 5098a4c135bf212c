import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantCreatedEvent } from '@libs/contracts';
import { PaymentsTenantRepository } from './payments-tenant.repository';

@Injectable()
export class TenantsService {
  constructor(private readonly tenants: PaymentsTenantRepository) {}

  /** A new agency: its calendar, locale and currency; it takes payments once it configures a rail. */
  async provision(tx: EntityManager, agency: TenantCreatedEvent): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = agency;
    await this.tenants.insert(tx, { tenantId, timeZone, locale, defaultCurrency });
  }
}
