import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SubscriptionsTenant } from './subscriptions-tenant.entity';

/** The only code that reads and writes the agencies as subscriptions knows them. */
@Injectable()
export class SubscriptionsTenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, tenant: Omit<SubscriptionsTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(SubscriptionsTenant).insert(tenant);
  }

  findOfTenant(tenantId: string): Promise<SubscriptionsTenant | null> {
    return this.dataSource.getRepository(SubscriptionsTenant).findOne({ where: { tenantId } });
  }
}
