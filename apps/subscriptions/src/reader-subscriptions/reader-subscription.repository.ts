import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReaderSubscription } from './reader-subscription.entity';

/** What the sync writes of a subscription, as last read from the provider. */
type SyncedSubscriptionState = Omit<
  ReaderSubscription,
  'id' | 'tenantId' | 'providerSubscriptionId' | 'billedBy' | 'createdAt' | 'updatedAt'
>;

/** The only code that reads and writes reader subscriptions. */
@Injectable()
export class ReaderSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes writes of one subscription (the sync, plan changes) until the transaction ends; reentrant. */
  async lock(tx: EntityManager, tenantId: string, providerSubscriptionId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `subscription:${tenantId}:${providerSubscriptionId}`,
    ]);
  }

  /**
   * The row's version (the transaction that last wrote it, Postgres' `xmin`), or null when there is
   * no row: a change of it means someone wrote the row in between.
   */
  async versionOf(tenantId: string, providerSubscriptionId: string, tx?: EntityManager): Promise<string | null> {
    const rows: { version: string }[] = await (tx ?? this.dataSource.manager).query(
      `SELECT xmin::text AS version FROM subscriptions.reader_subscriptions WHERE tenant_id = $1 AND provider_subscription_id = $2`,
      [tenantId, providerSubscriptionId],
    );
    return rows[0]?.version ?? null;
  }

  findOneOfTenant(
    tenantId: string,
    id: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<ReaderSubscription | null> {
    return tx.getRepository(ReaderSubscription).findOne({ where: { tenantId, id } });
  }

  /** A reader's subscriptions, newest first. */
  findOfReader(tenantId: string, readerKey: string): Promise<ReaderSubscription[]> {
    return this.dataSource
      .getRepository(ReaderSubscription)
      .find({ where: { tenantId, readerKey }, order: { createdAt: 'DESC' } });
  }

  /** A reader's subscriptions in any status (the entitlement rules decide), inside the caller's transaction. */
  findAllOfReader(tx: EntityManager, tenantId: string, readerKey: string): Promise<ReaderSubscription[]> {
    return tx.getRepository(ReaderSubscription).find({ where: { tenantId, readerKey } });
  }

  findByProviderId(
    tx: EntityManager,
    tenantId: string,
    providerSubscriptionId: string,
  ): Promise<ReaderSubscription | null> {
    return tx.getRepository(ReaderSubscription).findOne({ where: { tenantId, providerSubscriptionId } });
  }

  /**
   * Writes the subscription as the sync read it: into `existing` (which takes the new values), or
   * as a new row.
   */
  saveSynced(
    tx: EntityManager,
    existing: ReaderSubscription | null,
    key: Pick<ReaderSubscription, 'tenantId' | 'providerSubscriptionId'>,
    state: SyncedSubscriptionState,
  ): Promise<ReaderSubscription> {
    const repo = tx.getRepository(ReaderSubscription);
    return repo.save(repo.merge(existing ?? repo.create(key), state));
  }

  /** Writes a subscription the suite bills itself: a new row, or `subscription` with its new values. */
  saveBilledBySuite(
    tx: EntityManager,
    subscription: Omit<ReaderSubscription, 'createdAt' | 'updatedAt'>,
  ): Promise<ReaderSubscription> {
    return tx.getRepository(ReaderSubscription).save({ ...subscription, billedBy: 'suite' });
  }
}
