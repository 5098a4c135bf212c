import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdvertisingTenant } from './advertising-tenant.entity';

@Injectable()
export class AdvertisingTenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, tenant: Omit<AdvertisingTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(AdvertisingTenant).insert(tenant);
  }

  /** Every agency, for the memory ad decisions are made from (their time zones). */
  findAll(): Promise<AdvertisingTenant[]> {
    return this.dataSource.getRepository(AdvertisingTenant).find();
  }
}
