import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SiteChangedEvent } from '@libs/contracts';
import { PaywallSiteRepository } from './paywall-site.repository';

/** The gateway's sites as the paywall keeps them: which agency a publishable key speaks for. */
@Injectable()
export class SitesService {
  constructor(private readonly sites: PaywallSiteRepository) {}

  /** Keeps a site's change; an older version never overwrites a newer one. */
  record(tx: EntityManager, tenantId: string, change: SiteChangedEvent): Promise<void> {
    const { siteId, publishableKey, domain, version } = change;
    return this.sites.upsertIfNewer(tx, tenantId, { siteId, publishableKey, domain, version });
  }

  /** The ids of the agency's sites, as far as the paywall has heard of them. */
  async siteIdsOf(tenantId: string): Promise<Set<string>> {
    return new Set(await this.sites.findSiteIdsOfTenant(tenantId));
  }
}
