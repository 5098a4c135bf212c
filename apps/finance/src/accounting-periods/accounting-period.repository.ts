import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountingPeriod } from './accounting-period.entity';

/** The only code that writes SQL for accounting periods. */
@Injectable()
export class AccountingPeriodRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the agency's period lock exclusively until the transaction ends: postings in flight
   * (which hold it shared, see `finance.first_open_day`) finish first, new ones wait.
   */
  async lockBooksOf(tx: EntityManager, tenantId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('finance.accounting_periods'), hashtext($1::uuid::text))`, [tenantId]);
  }

  /** Today in the agency's time zone (`YYYY-MM-DD`); null for an agency finance has not provisioned. */
  async findTodayOfAgency(tx: EntityManager, tenantId: string): Promise<{ today: string; timeZone: string } | null> {
    const rows: { today: string; time_zone: string }[] = await tx.query(
      `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM-DD') AS today, time_zone FROM finance.tenants WHERE tenant_id = $1`, [tenantId]);
    return rows[0] ? { today: rows[0].today, timeZone: rows[0].time_zone } : null;
  }

  /** The day after the latest closed month (`YYYY-MM-DD`), or null while none is closed. */
  async findFirstOpenDay(tx: EntityManager, tenantId: string): Promise<string | null> {
    const rows: { day: string | null }[] = await tx.query(`SELECT to_char(finance.first_open_day($1), 'YYYY-MM-DD') AS day`, [tenantId]);
    return rows[0]?.day ?? null;
  }

  findAllOfTenant(tenantId: string): Promise<AccountingPeriod[]> {
    return this.dataSource.getRepository(AccountingPeriod).find({ where: { tenantId }, order: { startsOn: 'ASC' } });
  }

  findOne(tx: EntityManager, tenantId: string, startsOn: string): Promise<AccountingPeriod | null> {
    return tx.getRepository(AccountingPeriod).findOne({ where: { tenantId, startsOn } });
  }

  async findLatestClosed(tx: EntityManager, tenantId: string): Promise<AccountingPeriod | null> {
    return tx.getRepository(AccountingPeriod).findOne({ where: { tenantId, status: 'closed' }, order: { startsOn: 'DESC' } });
  }

  async save(tx: EntityManager, period: AccountingPeriod): Promise<AccountingPeriod> {
    return tx.getRepository(AccountingPeriod).save(period);
  }
}
