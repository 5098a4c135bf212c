import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PaywallSite } from './paywall-site.entity';

/** The paywall's copy of the gateway's sites. */
@Injectable()
export class PaywallSiteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the site unless a newer version of it is stored, or it is stored for another agency. */
  async upsertIfNewer(tx: EntityManager, tenantId: string, site: Omit<PaywallSite, 'tenantId'>): Promise<void> {
    await tx.query(
      `INSERT INTO paywall.sites (site_id, tenant_id, publishable_key, domain, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (site_id) DO UPDATE SET publishable_key = EXCLUDED.publishable_key, domain = EXCLUDED.domain, version = EXCLUDED.version
       WHERE paywall.sites.version < EXCLUDED.version AND paywall.sites.tenant_id = EXCLUDED.tenant_id`,
      [site.siteId, tenantId, site.publishableKey, site.domain, site.version],
    );
  }

  async findSiteIdsOfTenant(tenantId: string): Promise<string[]> {
    const sites = await this.dataSource
      .getRepository(PaywallSite)
      .find({ where: { tenantId }, select: { siteId: true } });
    return sites.map((site) => site.siteId);
  }

  /** Every agency's sites, for a paywall instance's memory at start. */
  findAll(): Promise<{ tenant_id: string; site_id: string; publishable_key: string; version: number }[]> {
    return this.dataSource.query(`SELECT tenant_id, site_id, publishable_key, version FROM paywall.sites`);
  }
}
