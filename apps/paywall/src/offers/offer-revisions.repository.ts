import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OfferRevision } from './offer-revision.entity';

/** The only code that reads and writes offer revisions. */
@Injectable()
export class OfferRevisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  current(tenantId: string, tx: EntityManager = this.dataSource.manager): Promise<OfferRevision | null> {
    return tx.getRepository(OfferRevision).findOne({ where: { tenantId }, order: { revision: 'DESC' } });
  }

  one(tenantId: string, revision: number): Promise<OfferRevision | null> {
    return this.dataSource.getRepository(OfferRevision).findOne({ where: { tenantId, revision } });
  }

  list(tenantId: string): Promise<OfferRevision[]> {
    return this.dataSource.getRepository(OfferRevision).find({ where: { tenantId }, order: { revision: 'DESC' }, take: 500 });
  }

  /** Every agency's current revision, for a paywall instance's memory at start. */
  currentOfAll(): Promise<OfferRevision[]> {
    return this.dataSource.getRepository(OfferRevision).createQueryBuilder('r').distinctOn(['r.tenantId']).orderBy('r.tenantId').addOrderBy('r.revision', 'DESC').getMany();
  }

  /** Serialises changes of one agency's offers until the transaction ends. */
  async lock(tx: EntityManager, tenantId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`paywall-offers:${tenantId}`]);
  }

  insert(tx: EntityManager, revision: Omit<OfferRevision, 'createdAt'>): Promise<OfferRevision> {
    return tx.getRepository(OfferRevision).save(tx.getRepository(OfferRevision).create(revision));
  }
}
