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

  /** Units in forecast mode whose forecast was last made or tried before `before`, oldest first. */
  async findForecastsCheckedBefore(before: Date, limit: number): Promise<{ id: string; tenantId: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, tenant_id FROM advertising.ad_units
       WHERE capacity_mode = 'forecast' AND (forecast_checked_at IS NULL OR forecast_checked_at < $1)
       ORDER BY forecast_checked_at NULLS FIRST, id LIMIT $2`,
      [before, limit],
    )) as { id: string; tenant_id: string }[];
    return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
  }

  async markForecastChecked(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE advertising.ad_units SET forecast_checked_at = $2 WHERE id = $1`, [id, at]);
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
