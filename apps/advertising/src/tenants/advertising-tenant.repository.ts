import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdvertisingTenant } from './advertising-tenant.entity';

@Injectable()
export class AdvertisingTenantRepository {
  async insert(tx: EntityManager, tenant: Omit<AdvertisingTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(AdvertisingTenant).insert(tenant);
  }
}
