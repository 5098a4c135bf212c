import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdvertisingSite } from './advertising-site.entity';

@Injectable()
export class AdvertisingSiteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the newest version of a site; an older or repeated one changes nothing. */
  async upsertNewer(
    tx: EntityManager,
    site: Omit<AdvertisingSite, 'subscriberMaxUnits' | 'settingsVersion'>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO advertising.sites (site_id, tenant_id, name, publishable_key, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (site_id) DO UPDATE
       SET name = EXCLUDED.name, publishable_key = EXCLUDED.publishable_key, version = EXCLUDED.version
       WHERE advertising.sites.version < EXCLUDED.version AND advertising.sites.tenant_id = EXCLUDED.tenant_id`,
      [site.siteId, site.tenantId, site.name, site.publishableKey, site.version],
    );
  }

  /** Every site with its key, for the memory ad decisions are made from. */
  findAll(): Promise<AdvertisingSite[]> {
    return this.dataSource.getRepository(AdvertisingSite).find();
  }

  async existsOfTenant(tenantId: string, siteId: string): Promise<boolean> {
    return this.dataSource.getRepository(AdvertisingSite).exists({ where: { tenantId, siteId } });
  }
}
