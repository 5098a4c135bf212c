import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LicenceOfferRevision } from './licence-offer-revision.entity';

/** The only code that reads and writes licence offer revisions, which are only ever inserted. */
@Injectable()
export class LicenceOfferRevisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  listOfOffer(tenantId: string, offerId: string): Promise<LicenceOfferRevision[]> {
    return this.dataSource
      .getRepository(LicenceOfferRevision)
      .find({ where: { tenantId, offerId }, order: { revision: 'DESC' }, take: 500 });
  }

  findOne(tenantId: string, offerId: string, revision: number): Promise<LicenceOfferRevision | null> {
    return this.dataSource.getRepository(LicenceOfferRevision).findOne({ where: { tenantId, offerId, revision } });
  }

  insert(tx: EntityManager, revision: Omit<LicenceOfferRevision, 'publishedAt'>): Promise<LicenceOfferRevision> {
    const repository = tx.getRepository(LicenceOfferRevision);
    return repository.save(repository.create(revision));
  }
}
