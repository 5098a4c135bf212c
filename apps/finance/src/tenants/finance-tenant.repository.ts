import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FinanceTenant } from './finance-tenant.entity';

/** The only code that writes SQL for the agencies finance keeps books for. */
@Injectable()
export class FinanceTenantRepository {
  async insert(tx: EntityManager, tenant: Omit<FinanceTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(FinanceTenant).insert(tenant);
  }
}
