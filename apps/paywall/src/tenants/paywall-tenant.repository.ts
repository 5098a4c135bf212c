import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PaywallTenant } from './paywall-tenant.entity';

/** The paywall's copy of the agencies: whose calendar and language a decision uses. */
@Injectable()
export class PaywallTenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, tenant: Omit<PaywallTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(PaywallTenant).insert(tenant);
  }

  /** Every agency, for a paywall instance's memory at start. */
  findAll(): Promise<{ tenant_id: string; time_zone: string; locale: string }[]> {
    return this.dataSource.query(`SELECT tenant_id, time_zone, locale FROM paywall.tenants`);
  }
}
