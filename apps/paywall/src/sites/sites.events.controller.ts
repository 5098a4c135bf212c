import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, SiteChanged, SiteChangedEvent } from '@libs/contracts';

/** Keeps the paywall's copy of the sites; an older version never overwrites a newer one. */
@Controller()
export class SitesEventsController {
  @ConsumesEvent(SiteChanged)
  async record(event: EventEnvelope<SiteChangedEvent>, tx: EntityManager): Promise<void> {
    const { siteId, publishableKey, domain, version } = event.data;
    await tx.query(
      `INSERT INTO paywall.sites (site_id, tenant_id, publishable_key, domain, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (site_id) DO UPDATE SET publishable_key = EXCLUDED.publishable_key, domain = EXCLUDED.domain, version = EXCLUDED.version
       WHERE paywall.sites.version < EXCLUDED.version AND paywall.sites.tenant_id = EXCLUDED.tenant_id`,
      [siteId, event.tenantId, publishableKey, domain, version],
    );
  }
}
