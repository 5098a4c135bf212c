import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, postingDateOf } from '../ledger/posting-date';

/** The calendar an agency keeps its books in: its time zone, as provisioned from the gateway. */
@Injectable()
export class AgencyCalendar {
  /** Time zones read in a transaction, kept for its other events (a batch of a hundred payments asks once per agency). */
  private readonly timeZonesInTransaction = new WeakMap<EntityManager, Map<string, string>>();

  async timeZoneOf(tx: EntityManager, tenantId: string): Promise<string> {
    return (await this.timeZonesOf(tx, [tenantId])).get(tenantId)!;
  }

  /** The time zone of each agency, read in one statement for those the transaction has not read yet. */
  async timeZonesOf(tx: EntityManager, tenantIds: string[]): Promise<Map<string, string>> {
    const inTransaction = tx.queryRunner?.isTransactionActive === true;
    const known = (inTransaction && this.timeZonesInTransaction.get(tx)) || new Map<string, string>();
    const missing = [...new Set(tenantIds)].filter((tenantId) => !known.has(tenantId));
    if (missing.length > 0) {
      const rows: { tenant_id: string; time_zone: string | null }[] = await tx.query(
        `SELECT t.tenant_id, f.time_zone FROM unnest($1::uuid[]) AS t(tenant_id) LEFT JOIN finance.tenants f ON f.tenant_id = t.tenant_id`,
        [missing],
      );
      for (const row of rows) known.set(row.tenant_id, row.time_zone || DEFAULT_TIME_ZONE);
    }
    if (inTransaction) this.timeZonesInTransaction.set(tx, known);
    return known;
  }

  /** The agency-local day of an instant. */
  async dayOf(tx: EntityManager, tenantId: string, instant: string | Date): Promise<string> {
    return postingDateOf(instant, await this.timeZoneOf(tx, tenantId));
  }
}
