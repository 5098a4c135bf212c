import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Advertiser } from './advertiser.entity';

@Injectable()
export class AdvertiserRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(tx: EntityManager, advertiser: Omit<Advertiser, 'id' | 'createdAt'>): Promise<Advertiser> {
    return tx.getRepository(Advertiser).save(tx.getRepository(Advertiser).create(advertiser));
  }

  /** The advertiser, locked for a change. */
  findForChange(tx: EntityManager, tenantId: string, id: string): Promise<Advertiser | null> {
    return tx.getRepository(Advertiser).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: EntityManager, advertiser: Advertiser): Promise<Advertiser> {
    return tx.getRepository(Advertiser).save(advertiser);
  }

  findAllOfTenant(tenantId: string): Promise<Advertiser[]> {
    return this.dataSource.getRepository(Advertiser).find({ where: { tenantId }, order: { name: 'ASC' }, take: 1000 });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Advertiser | null> {
    return this.dataSource.getRepository(Advertiser).findOne({ where: { tenantId, id } });
  }
}
