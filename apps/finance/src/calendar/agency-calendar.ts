import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgencyCalendarRepository } from './agency-calendar.repository';
import { DEFAULT_TIME_ZONE, postingDateOf } from './posting-date';

/** The calendar an agency keeps its books in: its time zone, as provisioned from the gateway. */
@Injectable()
export class AgencyCalendar {
  /** Time zones read in a transaction, kept for its other events (a batch of a hundred payments asks once per agency). */
  private readonly timeZonesInTransaction = new WeakMap<EntityManager, Map<string, string>>();

  constructor(private readonly calendars: AgencyCalendarRepository) {}

  async timeZoneOf(tx: EntityManager, tenantId: string): Promise<string> {
    return (await this.timeZonesOf(tx, [tenantId])).get(tenantId)!;
  }

  /** The time zone of each agency, read in one statement for those the transaction has not read yet. */
  async timeZonesOf(tx: EntityManager, tenantIds: string[]): Promise<Map<string, string>> {
    const inTransaction = tx.queryRunner?.isTransactionActive === true;
    const known = (inTransaction && this.timeZonesInTransaction.get(tx)) || new Map<string, string>();
    const missing = [...new Set(tenantIds)].filter((tenantId) => !known.has(tenantId));
    if (missing.length > 0) {
      for (const [tenantId, timeZone] of await this.calendars.findTimeZonesOf(tx, missing))
        known.set(tenantId, timeZone || DEFAULT_TIME_ZONE);
    }
    if (inTransaction) this.timeZonesInTransaction.set(tx, known);
    return known;
  }

  /** The agency-local day of an instant. */
  async dayOf(tx: EntityManager, tenantId: string, instant: string | Date): Promise<string> {
    return postingDateOf(instant, await this.timeZoneOf(tx, tenantId));
  }
}
