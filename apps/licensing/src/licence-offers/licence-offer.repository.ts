import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LicenceOffer } from './licence-offer.entity';

/** The only code that reads and writes licence offers (their drafts). */
@Injectable()
export class LicenceOfferRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllOfTenant(tenantId: string): Promise<LicenceOffer[]> {
    return this.dataSource
      .getRepository(LicenceOffer)
      .find({ where: { tenantId }, order: { name: 'ASC', id: 'ASC' }, take: 500 });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<LicenceOffer | null> {
    return this.dataSource.getRepository(LicenceOffer).findOne({ where: { tenantId, id } });
  }

  /** The offer, locked until the transaction ends: one change of a draft at a time. */
  lockOneOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<LicenceOffer | null> {
    return tx
      .getRepository(LicenceOffer)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.tenant_id = :tenantId AND o.id = :id', { tenantId, id })
      .getOne();
  }

  insert(tx: EntityManager, offer: Omit<LicenceOffer, 'createdAt' | 'updatedAt'>): Promise<LicenceOffer> {
    const repository = tx.getRepository(LicenceOffer);
    return repository.save(repository.create(offer));
  }

  save(tx: EntityManager, offer: LicenceOffer): Promise<LicenceOffer> {
    return tx.getRepository(LicenceOffer).save(offer);
  }
}
