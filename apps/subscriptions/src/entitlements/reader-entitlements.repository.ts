import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReaderEntitlements } from './reader-entitlements.entity';

/** The only code that reads and writes the entitlements last published for readers. */
@Injectable()
export class ReaderEntitlementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes refreshes of one reader's entitlements until the transaction ends. */
  async lockReader(tx: EntityManager, tenantId: string, readerKey: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`entitlements:${tenantId}:${readerKey}`]);
  }

  findOfReader(
    tenantId: string,
    readerKey: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<ReaderEntitlements | null> {
    return tx.getRepository(ReaderEntitlements).findOne({ where: { tenantId, readerKey } });
  }

  async save(tx: EntityManager, entitlements: Omit<ReaderEntitlements, 'updatedAt'>): Promise<void> {
    await tx.getRepository(ReaderEntitlements).save(entitlements);
  }

  /**
   * Up to `limit` readers of any agency whose first grant lapsed at or before `now`, row-locked;
   * rows another instance's sweep holds are skipped.
   */
  lockLapsed(tx: EntityManager, now: Date, limit: number): Promise<{ tenant_id: string; reader_key: string }[]> {
    return tx.query(
      `SELECT tenant_id, reader_key FROM subscriptions.reader_entitlements
          WHERE lapses_at <= $1 ORDER BY lapses_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      [now],
    );
  }
}
