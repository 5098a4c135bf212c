import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox, NotFoundError } from '@libs/common';
import { SiteChanged } from '@libs/contracts';
import { newPublishableKey } from '../api-keys/api-key-secret';
import { AuditLogService } from '../audit-log/audit-log.service';
import { GatewayEnv } from '../config/gateway.config';
import { KEY_CACHE_MS } from '../api-keys/api-keys.service';
import { LookupCache } from '../lookup-cache/lookup-cache';
import { Site } from './site.entity';
import { SiteRepository } from './site.repository';
import { CreateSiteRequest, SiteView, UpdateSiteRequest } from './sites.dto';

@Injectable()
export class SitesService {
  /** Site rows by publishable key, for authentication; a replaced key stops working on every instance within KEY_CACHE_MS. */
  private readonly sitesByKey: LookupCache<Site>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sites: SiteRepository,
    private readonly audit: AuditLogService,
    private readonly outbox: EventOutbox,
    env: GatewayEnv,
  ) {
    this.sitesByKey = new LookupCache<Site>(KEY_CACHE_MS, env.CREDENTIAL_CACHE_MAX_ENTRIES);
  }

  /** Site key lookups this instance holds, misses included (at most CREDENTIAL_CACHE_MAX_ENTRIES). */
  get cachedLookups(): number {
    return this.sitesByKey.size;
  }

  create(tenantId: string, request: CreateSiteRequest): Promise<SiteView> {
    return this.dataSource.transaction(async (tx) => {
      const site = await this.sites.add(tx, { tenantId, ...request, publishableKey: newPublishableKey(), version: 1 });
      const view = toView(site);
      await this.announce(tx, site);
      await this.audit.record(tx, {
        tenantId,
        action: 'site.created',
        targetType: 'site',
        targetId: site.id,
        after: view,
      });
      return view;
    });
  }

  async list(tenantId: string): Promise<SiteView[]> {
    return (await this.sites.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<SiteView> {
    const site = await this.sites.findOneOfTenant(tenantId, id);
    if (!site) throw new NotFoundError('site', id);
    return toView(site);
  }

  update(tenantId: string, id: string, request: UpdateSiteRequest): Promise<SiteView> {
    return this.dataSource.transaction(async (tx) => {
      const site = await this.sites.lockOneOfTenant(tx, tenantId, id);
      if (!site) throw new NotFoundError('site', id);
      const before = toView(site);
      const saved = await this.sites.saveMerged(tx, site, request, { version: site.version + 1 });
      const after = toView(saved);
      await this.announce(tx, saved);
      await this.audit.record(tx, {
        tenantId,
        action: 'site.updated',
        targetType: 'site',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Gives the site a new publishable key; the old one is revoked at once (on this instance now,
   * on the other gateway instances and the paywall's decision server within 5 s).
   */
  async rotateKey(tenantId: string, id: string): Promise<SiteView> {
    const { before, after } = await this.dataSource.transaction(async (tx) => {
      const site = await this.sites.lockOneOfTenant(tx, tenantId, id);
      if (!site) throw new NotFoundError('site', id);
      const previous = toView(site);
      const saved = await this.sites.saveMerged(tx, site, {
        publishableKey: newPublishableKey(),
        version: site.version + 1,
      });
      const view = toView(saved);
      await this.announce(tx, saved);
      await this.audit.record(tx, {
        tenantId,
        action: 'site.key-rotated',
        targetType: 'site',
        targetId: id,
        before: previous,
        after: view,
      });
      return { before: previous, after: view };
    });
    this.sitesByKey.forget(before.publishableKey);
    return after;
  }

  /** The site of a publishable key, as authentication needs it: looked up at most once per KEY_CACHE_MS. */
  findByPublishableKey(publishableKey: string): Promise<Site | null> {
    return this.sitesByKey.get(publishableKey, () => this.sites.findByPublishableKey(publishableKey));
  }

  private async announce(tx: EntityManager, site: Site): Promise<void> {
    const { id: siteId, name, domain, publishableKey, version } = site;
    await this.outbox.add(tx, SiteChanged, {
      tenantId: site.tenantId,
      subject: siteId,
      data: { siteId, name, domain, publishableKey, version },
    });
  }
}

function toView(site: Site): SiteView {
  const { id, name, domain, publishableKey, createdAt, updatedAt } = site;
  return { id, name, domain, publishableKey, createdAt, updatedAt };
}
