import { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import type { AgencyRevision } from './agency-revision';

const NEWEST_FIRST = { revision: 'DESC' } as const;

/**
 * Reads and appends an agency's revisions of one list. A change or a rollback writes the next
 * revision under a per-agency lock, so every state the paywall was ever in can be read back.
 */
export class AgencyRevisionRepository<Row extends AgencyRevision> {
  constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<Row>,
    /** Names the advisory lock that serialises one agency's changes of this list. */
    private readonly lockName: string,
  ) {}

  current(tenantId: string, tx: EntityManager = this.dataSource.manager): Promise<Row | null> {
    return tx
      .getRepository(this.entity)
      .findOne({ where: { tenantId } as FindOptionsWhere<Row>, order: NEWEST_FIRST as FindOptionsOrder<Row> });
  }

  one(tenantId: string, revision: number): Promise<Row | null> {
    return this.dataSource
      .getRepository(this.entity)
      .findOne({ where: { tenantId, revision } as FindOptionsWhere<Row> });
  }

  list(tenantId: string): Promise<Row[]> {
    return this.dataSource
      .getRepository(this.entity)
      .find({ where: { tenantId } as FindOptionsWhere<Row>, order: NEWEST_FIRST as FindOptionsOrder<Row>, take: 500 });
  }

  /** Every agency's current revision, for a paywall instance's memory at start. */
  currentOfAll(): Promise<Row[]> {
    return this.dataSource
      .getRepository(this.entity)
      .createQueryBuilder('r')
      .distinctOn(['r.tenantId'])
      .orderBy('r.tenantId')
      .addOrderBy('r.revision', 'DESC')
      .getMany();
  }

  /** Serialises changes of one agency's list until the transaction ends. */
  async lock(tx: EntityManager, tenantId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.lockName}:${tenantId}`]);
  }

  insert(tx: EntityManager, revision: Omit<Row, 'createdAt'>): Promise<Row> {
    const repository = tx.getRepository(this.entity);
    return repository.save(repository.create(revision as Row));
  }
}
