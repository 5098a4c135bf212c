import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PolicyRevision } from './policy-revision.entity';

/** The only code that reads and writes policy revisions. */
@Injectable()
export class PolicyRevisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  current(tenantId: string, tx: EntityManager = this.dataSource.manager): Promise<PolicyRevision | null> {
    return tx.getRepository(PolicyRevision).findOne({ where: { tenantId }, order: { revision: 'DESC' } });
  }

  one(tenantId: string, revision: number): Promise<PolicyRevision | null> {
    return this.dataSource.getRepository(PolicyRevision).findOne({ where: { tenantId, revision } });
  }

  list(tenantId: string): Promise<PolicyRevision[]> {
    return this.dataSource.getRepository(PolicyRevision).find({ where: { tenantId }, order: { revision: 'DESC' }, take: 500 });
  }

  /** Every agency's current revision, for a paywall instance's memory at start. */
  currentOfAll(): Promise<PolicyRevision[]> {
    return this.dataSource
      .getRepository(PolicyRevision)
      .createQueryBuilder('r')
      .distinctOn(['r.tenantId'])
      .orderBy('r.tenantId')
      .addOrderBy('r.revision', 'DESC')
      .getMany();
  }

  /** Serialises changes of one agency's policies until the transaction ends. */
  async lock(tx: EntityManager, tenantId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`paywall-policies:${tenantId}`]);
  }

  async insert(tx: EntityManager, revision: Omit<PolicyRevision, 'createdAt'>): Promise<PolicyRevision> {
    const row = tx.getRepository(PolicyRevision).create(revision);
    return tx.getRepository(PolicyRevision).save(row);
  }
}
