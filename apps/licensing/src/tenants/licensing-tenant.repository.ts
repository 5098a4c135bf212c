import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LicensingTenant } from './licensing-tenant.entity';

@Injectable()
export class LicensingTenantRepository {
  async insert(tx: EntityManager, tenant: Omit<LicensingTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(LicensingTenant).insert(tenant);
  }
}
