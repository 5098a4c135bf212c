import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PaymentsTenant } from './payments-tenant.entity';

@Injectable()
export class PaymentsTenantRepository {
  async insert(tx: EntityManager, tenant: Omit<PaymentsTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(PaymentsTenant).insert(tenant);
  }
}
