import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { RateCard } from './rate-card.entity';

@Injectable()
export class RateCardRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOfUnit(tenantId: string, adUnitId: string): Promise<RateCard | null> {
    return this.dataSource.getRepository(RateCard).findOne({ where: { tenantId, adUnitId } });
  }

  findOfUnits(tenantId: string, adUnitIds: string[]): Promise<RateCard[]> {
    return this.dataSource.getRepository(RateCard).find({ where: { tenantId, adUnitId: In(adUnitIds) } });
  }

  findForChange(tx: EntityManager, tenantId: string, adUnitId: string): Promise<RateCard | null> {
    return tx.getRepository(RateCard).findOne({ where: { tenantId, adUnitId }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: EntityManager, card: Omit<RateCard, 'updatedAt'>): Promise<RateCard> {
    return tx.getRepository(RateCard).save(tx.getRepository(RateCard).create(card));
  }
}
