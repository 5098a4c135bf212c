import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AddressGrantChangedEvent } from '@libs/contracts';

/** What each group licence grants to readers by their network address. */
@Injectable()
export class AddressGrantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes a licence's address grants unless a newer version of them is stored. */
  async upsertIfNewer(tx: EntityManager, tenantId: string, grants: AddressGrantChangedEvent): Promise<void> {
    const { licenceId, ipRanges, entitlements, validUntil, version } = grants;
    await tx.query(
      `INSERT INTO paywall.address_grants (tenant_id, licence_id, ip_ranges, entitlements, valid_until, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, licence_id) DO UPDATE
         SET ip_ranges = EXCLUDED.ip_ranges, entitlements = EXCLUDED.entitlements, valid_until = EXCLUDED.valid_until, version = EXCLUDED.version
       WHERE paywall.address_grants.version < EXCLUDED.version`,
      [tenantId, licenceId, ipRanges, entitlements, validUntil, version],
    );
  }

  /** Every licence's address grants, for a paywall instance's memory at start. */
  findAll(): Promise<
    {
      tenant_id: string;
      licence_id: string;
      ip_ranges: string[];
      entitlements: string[];
      valid_until: Date;
      version: number;
    }[]
  > {
    return this.dataSource.query(
      `SELECT tenant_id, licence_id, ip_ranges, entitlements, valid_until, version FROM paywall.address_grants`,
    );
  }
}
