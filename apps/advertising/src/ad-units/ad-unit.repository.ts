import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
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

  findManyOfTenant(tenantId: string, ids: string[]): Promise<AdUnit[]> {
    return this.dataSource.getRepository(AdUnit).find({ where: { tenantId, id: In(ids) } });
  }

  /** The unit, locked against changes (capacity) while the transaction books on it; bookings share the lock. */
  findForBooking(tx: EntityManager, tenantId: string, ids: string[]): Promise<AdUnit[]> {
    return tx
      .getRepository(AdUnit)
      .createQueryBuilder('unit')
      .where('unit.tenantId = :tenantId AND unit.id IN (:...ids)', { tenantId, ids })
      .orderBy('unit.id')
      .setLock('pessimistic_read')
      .getMany();
  }

  /** The unit, locked for a change (bookings on it wait, and it waits for those in hand). */
  findForChange(tx: EntityManager, tenantId: string, id: string): Promise<AdUnit | null> {
    return tx
      .getRepository(AdUnit)
      .createQueryBuilder('unit')
      .where('unit.tenantId = :tenantId AND unit.id = :id', { tenantId, id })
      .setLock('pessimistic_write')
      .getOne();
  }

  add(tx: EntityManager, adUnit: Omit<AdUnit, 'id' | 'createdAt' | 'updatedAt'>): Promise<AdUnit> {
    return tx.getRepository(AdUnit).save(tx.getRepository(AdUnit).create(adUnit));
  }

  save(tx: EntityManager, adUnit: AdUnit): Promise<AdUnit> {
    return tx.getRepository(AdUnit).save(adUnit);
  }

  async insertAll(tx: EntityManager, adUnits: Partial<AdUnit>[]): Promise<void> {
    await tx.getRepository(AdUnit).insert(adUnits);
  }
}
