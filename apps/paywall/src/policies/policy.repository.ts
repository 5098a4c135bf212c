import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Policy } from './policy.entity';

@Injectable()
export class PolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllOfTenant(tenantId: string): Promise<Policy[]> {
    return this.dataSource.getRepository(Policy).find({ where: { tenantId }, order: { priority: 'ASC', name: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Policy | null> {
    return this.dataSource.getRepository(Policy).findOne({ where: { tenantId, id } });
  }

  async insertAll(tx: EntityManager, policies: Partial<Policy>[]): Promise<void> {
    await tx.getRepository(Policy).insert(policies);
  }
}
