import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EntitlementGrant } from '@libs/contracts';

/** Readers' latest entitlements, as subscriptions published them. */
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
      `INSERT INTO advertising.reader_grants (tenant_id, reader_key, grants, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, reader_key) DO UPDATE SET grants = EXCLUDED.grants, version = EXCLUDED.version
       WHERE advertising.reader_grants.version < EXCLUDED.version`,
      [tenantId, readerKey, JSON.stringify(grants), version],
    );
  }

  /** Every reader's grants, for an instance's memory at start. */
  findAll(): Promise<{ tenant_id: string; reader_key: string; version: number; grants: EntitlementGrant[] }[]> {
    return this.dataSource.query(`SELECT tenant_id, reader_key, version, grants FROM advertising.reader_grants`);
  }
}
