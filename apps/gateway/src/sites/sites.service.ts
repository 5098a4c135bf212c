import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox, NotFoundError } from '@libs/common';
import { SiteChanged } from '@libs/contracts';
import { newPublishableKey } from '../api-keys/api-key-secret';
import { AuditLog } from '../audit/audit-log';
import { Site } from './site.entity';
import { CreateSiteRequest, SiteView, UpdateSiteRequest } from './sites.dto';

@Injectable()
export class SitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  create(tenantId: string, request: CreateSiteRequest): Promise<SiteView> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(Site);
      const site = await repo.save(
        repo.create({ tenantId, ...request, publishableKey: newPublishableKey(), version: 1 }),
      );
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
    return (await this.dataSource.getRepository(Site).find({ where: { tenantId }, order: { createdAt: 'ASC' } })).map(
      toView,
    );
  }

  async get(tenantId: string, id: string): Promise<SiteView> {
    const site = await this.dataSource.getRepository(Site).findOne({ where: { tenantId, id } });
    if (!site) throw new NotFoundError('site', id);
    return toView(site);
  }

  update(tenantId: string, id: string, request: UpdateSiteRequest): Promise<SiteView> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(Site);
      const site = await repo.findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
      if (!site) throw new NotFoundError('site', id);
      const before = toView(site);
      const saved = await repo.save(repo.merge(site, request, { version: site.version + 1 }));
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
