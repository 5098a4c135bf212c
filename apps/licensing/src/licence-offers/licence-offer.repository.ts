import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LicenceOffer } from './licence-offer.entity';

@Injectable()
export class LicenceOfferRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllOfTenant(tenantId: string): Promise<LicenceOffer[]> {
    return this.dataSource.getRepository(LicenceOffer).find({ where: { tenantId }, order: { name: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<LicenceOffer | null> {
    return this.dataSource.getRepository(LicenceOffer).findOne({ where: { tenantId, id } });
  }

  async insertAll(tx: EntityManager, offers: Partial<LicenceOffer>[]): Promise<void> {
    await tx.getRepository(LicenceOffer).insert(offers);
  }
}
