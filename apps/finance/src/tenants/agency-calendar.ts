import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, postingDateOf } from '../ledger/posting-date';
import { FinanceTenant } from './finance-tenant.entity';

/** The calendar an agency keeps its books in: its time zone, as provisioned from the gateway. */
@Injectable()
export class AgencyCalendar {
  async timeZoneOf(tx: EntityManager, tenantId: string): Promise<string> {
    const tenant = await tx.getRepository(FinanceTenant).findOne({ where: { tenantId }, select: { tenantId: true, timeZone: true } });
    return tenant?.timeZone || DEFAULT_TIME_ZONE;
  }

  /** The agency-local day of an instant. */
  async dayOf(tx: EntityManager, tenantId: string, instant: string | Date): Promise<string> {
    return postingDateOf(instant, await this.timeZoneOf(tx, tenantId));
  }
}
