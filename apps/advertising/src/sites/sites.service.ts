import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SiteChangedEvent } from '@libs/contracts';
import { AdvertisingSiteRepository } from './advertising-site.repository';

@Injectable()
export class SitesService {
  constructor(private readonly sites: AdvertisingSiteRepository) {}

  follow(tx: EntityManager, tenantId: string, site: SiteChangedEvent): Promise<void> {
    return this.sites.upsertNewer(tx, {
      siteId: site.siteId,
      tenantId,
      name: site.name,
      publishableKey: site.publishableKey,
      version: site.version,
    });
  }

  /** Whether the agency has this site (another agency's answers no). */
  isOfTenant(tenantId: string, siteId: string): Promise<boolean> {
    return this.sites.existsOfTenant(tenantId, siteId);
  }
}
