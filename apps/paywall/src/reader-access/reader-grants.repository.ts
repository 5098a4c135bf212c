import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EntitlementGrant } from '@libs/contracts';

/** The latest entitlements of each reader, as the subscriptions service published them. */
@Injectable()
export class ReaderGrantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes a reader's grants unless a newer version of them is stored. */
  async upsertIfNewer(
    tx: EntityManager,
    tenantId: string,
    readerKey: string,
    grants: EntitlementGrant[],
    version: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO paywall.reader_grants (tenant_id, reader_key, grants, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, reader_key) DO UPDATE SET grants = EXCLUDED.grants, version = EXCLUDED.version
       WHERE paywall.reader_grants.version < EXCLUDED.version`,
      [tenantId, readerKey, JSON.stringify(grants), version],
    );
  }

  /** Every reader's grants, for a paywall instance's memory at start. */
  findAll(): Promise<{ tenant_id: string; reader_key: string; version: number; grants: EntitlementGrant[] }[]> {
    return this.dataSource.query(`SELECT tenant_id, reader_key, version, grants FROM paywall.reader_grants`);
  }
}
