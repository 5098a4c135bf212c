import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdvertisingTenant } from './advertising-tenant.entity';

@Injectable()
export class AdvertisingTenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, tenant: Omit<AdvertisingTenant, 'provisionedAt'>): Promise<void> {
    await tx.getRepository(AdvertisingTenant).insert(tenant);
  }

  /** The agency's locale and the label it set for sponsored articles (null: its locale's default). */
  async findSponsoredLabel(
    tenantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ locale: string; sponsoredLabel: string | null } | null> {
    const tenant = await manager.getRepository(AdvertisingTenant).findOne({ where: { tenantId } });
    return tenant && { locale: tenant.locale, sponsoredLabel: tenant.sponsoredLabel };
  }

  async setSponsoredLabel(tx: EntityManager, tenantId: string, label: string | null): Promise<void> {
    await tx.getRepository(AdvertisingTenant).update({ tenantId }, { sponsoredLabel: label });
  }

  /** Every agency, for the memory ad decisions are made from (their time zones). */
  findAll(): Promise<AdvertisingTenant[]> {
    return this.dataSource.getRepository(AdvertisingTenant).find();
  }
}
