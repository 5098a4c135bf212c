import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@libs/common';

/** The agency as booking needs it: the time zone its days are counted in and the currency it sells in. */
export interface AgencyCalendar {
  timeZone: string;
  defaultCurrency: string;
}

/** Reads the agency provisioned by `tenants/` (the table is theirs; this only reads it). */
@Injectable()
export class AgencyCalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findOfTenant(tenantId: string): Promise<AgencyCalendar> {
    const rows = (await this.dataSource.query(
      `SELECT time_zone, default_currency FROM advertising.tenants WHERE tenant_id = $1`,
      [tenantId],
    )) as { time_zone: string; default_currency: string }[];
    if (rows.length === 0) throw new NotFoundError('agency');
    return { timeZone: rows[0].time_zone, defaultCurrency: rows[0].default_currency };
  }
}
