import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TakeoverPage } from './takeover-page.entity';

@Injectable()
export class TakeoverPageRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllOfTenant(tenantId: string): Promise<TakeoverPage[]> {
    return this.dataSource.getRepository(TakeoverPage).find({ where: { tenantId }, order: { code: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<TakeoverPage | null> {
    return this.dataSource.getRepository(TakeoverPage).findOne({ where: { tenantId, id } });
  }

  /** The page, locked for a change. */
  findForChange(tx: EntityManager, tenantId: string, id: string): Promise<TakeoverPage | null> {
    return tx.getRepository(TakeoverPage).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  add(tx: EntityManager, page: Omit<TakeoverPage, 'id' | 'createdAt' | 'updatedAt'>): Promise<TakeoverPage> {
    return tx.getRepository(TakeoverPage).save(tx.getRepository(TakeoverPage).create(page));
  }

  save(tx: EntityManager, page: TakeoverPage): Promise<TakeoverPage> {
    return tx.getRepository(TakeoverPage).save(page);
  }
}
