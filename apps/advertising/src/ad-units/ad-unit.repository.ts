import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdUnit } from './ad-unit.entity';

@Injectable()
export class AdUnitRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllOfTenant(tenantId: string): Promise<AdUnit[]> {
    return this.dataSource.getRepository(AdUnit).find({ where: { tenantId }, order: { code: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<AdUnit | null> {
    return this.dataSource.getRepository(AdUnit).findOne({ where: { tenantId, id } });
  }

  async insertAll(tx: EntityManager, adUnits: Partial<AdUnit>[]): Promise<void> {
    await tx.getRepository(AdUnit).insert(adUnits);
  }
}
