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

  findOneOfTenant(tenantId: string, siteId: string): Promise<AdvertisingSite | null> {
    return this.dataSource.getRepository(AdvertisingSite).findOne({ where: { tenantId, siteId } });
  }

  /** Sets the site's ad settings and bumps their version; null when the agency has no such site. */
  async updateSettings(
    tx: EntityManager,
    tenantId: string,
    siteId: string,
    settings: { subscriberMaxUnits: number | null },
  ): Promise<{ settingsVersion: number } | null> {
    const [rows] = (await tx.query(
      `UPDATE advertising.sites SET subscriber_max_units = $3, settings_version = settings_version + 1
       WHERE tenant_id = $1 AND site_id = $2 RETURNING settings_version`,
      [tenantId, siteId, settings.subscriberMaxUnits],
    )) as [{ settings_version: number }[], number];
    return rows.length ? { settingsVersion: rows[0].settings_version } : null;
  }

  async existsOfTenant(tenantId: string, siteId: string): Promise<boolean> {
    return this.dataSource.getRepository(AdvertisingSite).exists({ where: { tenantId, siteId } });
  }
}
