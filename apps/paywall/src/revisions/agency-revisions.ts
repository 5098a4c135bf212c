import { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import { AuditTrail, ConflictError, currentContext, EventOutbox } from '@libs/common';
import type { EventContract } from '@libs/contracts';

/** One revision of an agency's ordered list (policies, offers): never changed once written. */
export interface AgencyRevision {
  tenantId: string;
  revision: number;
  actor: string;
  restoredFrom: number | null;
  createdAt: Date;
}

const NEWEST_FIRST = { revision: 'DESC' } as const;

/**
 * Reads and appends an agency's revisions of one list. A change or a rollback writes the next
 * revision under a per-agency lock, so every state the paywall was ever in can be read back.
 */
export class AgencyRevisions<Row extends AgencyRevision> {
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

export interface RevisionChange<Key extends string, Item> {
  tenantId: string;
  /** The list's field in rows, events and audit records: `policies`, `offers`. */
  key: Key;
  items: Item[];
  restoredFrom: number | null;
  /** The revision the editor started from; a newer one means someone else changed the list. */
  basedOn?: number;
  /** False for what the system sets up itself (an agency's default policies). */
  audited: boolean;
}

/**
 * Appends the next revision, announces it (`changed`, so every paywall instance switches within
 * a second) and audits it, all in `tx`. A stale `basedOn` is a 409: nobody overwrites a change
 * they have not seen.
 */
export async function appendRevision<Key extends string, Item, Row extends AgencyRevision & Record<Key, Item[]>>(
  tx: EntityManager,
  parts: {
    revisions: AgencyRevisions<Row>;
    outbox: EventOutbox;
    audit: AuditTrail;
    changed: EventContract<{ revision: number } & Record<Key, Item[]>>;
  },
  change: RevisionChange<Key, Item>,
): Promise<Row> {
  const { tenantId, key, items, restoredFrom, basedOn } = change;
  await parts.revisions.lock(tx, tenantId);
  const previous = await parts.revisions.current(tenantId, tx);
  const previousRevision = previous?.revision ?? 0;
  if (basedOn !== undefined && basedOn !== previousRevision) {
    throw new ConflictError(
      `the ${key} changed since revision ${basedOn} (now ${previousRevision}); reload and try again`,
    );
  }
  const row = {
    tenantId,
    revision: previousRevision + 1,
    [key]: items,
    actor: currentContext()?.actor ?? 'paywall',
    restoredFrom,
  } as Omit<Row, 'createdAt'>;
  const saved = await parts.revisions.insert(tx, row);
  const listed = { revision: saved.revision, [key]: items } as { revision: number } & Record<Key, Item[]>;
  await parts.outbox.add(tx, parts.changed, { tenantId, subject: tenantId, data: listed });
  if (change.audited) {
    await parts.audit.record(tx, {
      tenantId,
      action: `${key}.${restoredFrom === null ? 'replaced' : 'restored'}`,
      targetType: key,
      targetId: tenantId,
      before: previous ? { revision: previous.revision, [key]: previous[key] } : null,
      after: { ...listed, restoredFrom },
    });
  }
  return saved;
}
