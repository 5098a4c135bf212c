import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, EventOutbox, NotFoundError } from '@libs/common';
import { SiteAdSettingsChanged, SiteAdSettingsTerms, SiteAdSettingsView, SiteChangedEvent } from '@libs/contracts';
import { AdvertisingSiteRepository } from './advertising-site.repository';

@Injectable()
export class SitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sites: AdvertisingSiteRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

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

  async adSettings(tenantId: string, siteId: string): Promise<SiteAdSettingsView> {
    const site = await this.sites.findOneOfTenant(tenantId, siteId);
    if (!site) throw new NotFoundError('site', siteId);
    return { siteId, subscriberMaxUnits: site.subscriberMaxUnits };
  }

  /** Sets the site's ad settings and publishes them (`SiteAdSettingsChanged`) in one transaction. */
  async putAdSettings(tenantId: string, siteId: string, terms: SiteAdSettingsTerms): Promise<SiteAdSettingsView> {
    const before = await this.adSettings(tenantId, siteId);
    return this.dataSource.transaction(async (tx) => {
      const subscriberMaxUnits = terms.subscriberMaxUnits ?? null;
      const updated = await this.sites.updateSettings(tx, tenantId, siteId, { subscriberMaxUnits });
      if (!updated) throw new NotFoundError('site', siteId);
      await this.outbox.add(tx, SiteAdSettingsChanged, {
        tenantId,
        subject: siteId,
        data: { siteId, subscriberMaxUnits, version: updated.settingsVersion },
      });
      const after = { siteId, subscriberMaxUnits };
      await this.audit.record(tx, {
        tenantId,
        action: 'site-ad-settings.changed',
        targetType: 'site',
        targetId: siteId,
        before,
        after,
      });
      return after;
    });
  }
}
