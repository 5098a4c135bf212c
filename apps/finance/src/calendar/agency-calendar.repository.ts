import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The only code that reads agencies' calendars (their time zones, as provisioned from the gateway). */
@Injectable()
export class AgencyCalendarRepository {
  /** Each agency's time zone in one statement; null for an agency finance has not provisioned (or without one). */
  async findTimeZonesOf(tx: EntityManager, tenantIds: string[]): Promise<Map<string, string | null>> {
    const rows: { tenant_id: string; time_zone: string | null }[] = await tx.query(
      `SELECT t.tenant_id, f.time_zone FROM unnest($1::uuid[]) AS t(tenant_id) LEFT JOIN finance.tenants f ON f.tenant_id = t.tenant_id`,
      [tenantIds],
    );
    return new Map(rows.map((row) => [row.tenant_id, row.time_zone]));
  }
}
