import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentsTenant } from './payments-tenant.entity';

@Injectable()
export class PaymentsTenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, tenant: Omit<PaymentsTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(PaymentsTenant).insert(tenant);
  }

  /** Whether payments knows the agency (provisioned when it was registered). */
  exists(tenantId: string): Promise<boolean> {
    return this.dataSource.getRepository(PaymentsTenant).existsBy({ tenantId });
  }
}
