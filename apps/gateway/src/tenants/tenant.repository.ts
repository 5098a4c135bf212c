import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { Tenant } from './tenant.entity';

@Injectable()
export class TenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(tx: EntityManager, tenant: DeepPartial<Tenant>): Promise<Tenant> {
    return tx.getRepository(Tenant).save(tx.getRepository(Tenant).create(tenant));
  }

  findById(id: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOne({ where: { id } });
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOne({ where: { slug } });
  }
}
