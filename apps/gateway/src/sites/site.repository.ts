import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { Site } from './site.entity';

@Injectable()
export class SiteRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(tx: EntityManager, site: DeepPartial<Site>): Promise<Site> {
    const repo = tx.getRepository(Site);
    return repo.save(repo.create(site));
  }

  /** Oldest first. */
  findAllOfTenant(tenantId: string): Promise<Site[]> {
    return this.dataSource.getRepository(Site).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Site | null> {
    return this.dataSource.getRepository(Site).findOne({ where: { tenantId, id } });
  }

  /** The site, locked until the transaction ends (changes to one site are made one at a time). */
  lockOneOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<Site | null> {
    return tx.getRepository(Site).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Saves the site with the changes merged into it. */
  saveMerged(tx: EntityManager, site: Site, ...changes: DeepPartial<Site>[]): Promise<Site> {
    const repo = tx.getRepository(Site);
    return repo.save(repo.merge(site, ...changes));
  }

  findByPublishableKey(publishableKey: string): Promise<Site | null> {
    return this.dataSource.getRepository(Site).findOne({ where: { publishableKey } });
  }
}
