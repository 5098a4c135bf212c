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
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('finance.accounting_periods'), hashtext($1::uuid::text))`, [
      tenantId,
    ]);
  }

  /** Today in the agency's time zone (`YYYY-MM-DD`); null for an agency finance has not provisioned. */
  async findTodayOfAgency(tx: EntityManager, tenantId: string): Promise<{ today: string; timeZone: string } | null> {
    const rows: { today: string; time_zone: string }[] = await tx.query(
      `SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM-DD') AS today, time_zone FROM finance.tenants WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ? { today: rows[0].today, timeZone: rows[0].time_zone } : null;
  }

  /** The day after the latest closed month (`YYYY-MM-DD`), or null while none is closed. */
  async findFirstOpenDay(tx: EntityManager, tenantId: string): Promise<string | null> {
    const rows: { day: string | null }[] = await tx.query(
      `SELECT to_char(finance.first_open_day($1), 'YYYY-MM-DD') AS day`,
      [tenantId],
    );
    return rows[0]?.day ?? null;
  }

  findAllOfTenant(tenantId: string): Promise<AccountingPeriod[]> {
    return this.dataSource.getRepository(AccountingPeriod).find({ where: { tenantId }, order: { startsOn: 'ASC' } });
  }

  findOne(tx: EntityManager, tenantId: string, startsOn: string): Promise<AccountingPeriod | null> {
    return tx.getRepository(AccountingPeriod).findOne({ where: { tenantId, startsOn } });
  }

  async findLatestClosed(tx: EntityManager, tenantId: string): Promise<AccountingPeriod | null> {
    return tx
      .getRepository(AccountingPeriod)
      .findOne({ where: { tenantId, status: 'closed' }, order: { startsOn: 'DESC' } });
  }

  async save(tx: EntityManager, period: AccountingPeriod): Promise<AccountingPeriod> {
    return tx.getRepository(AccountingPeriod).save(period);
  }

  /**
   * What is outstanding for the month from `firstDay` to `lastDay` (agency-local): ratable schedules
   * not recognized through its last day, events of the month in `waiting_events`, and open
   * reconciliation exceptions of the month (both taken on instants, in the agency's time zone).
   */
  async countOutstanding(
    tenantId: string,
    firstDay: string,
    lastDay: string,
  ): Promise<{ schedules: number; waiting: number; exceptions: number }> {
    const [row]: { schedules: number; waiting: number; exceptions: number }[] = await this.dataSource.query(
      `WITH month AS (
         SELECT $2::date::timestamp AT TIME ZONE t.time_zone AS starts, ($3::date + 1)::timestamp AT TIME ZONE t.time_zone AS ends
         FROM finance.tenants t WHERE t.tenant_id = $1
       )
       SELECT
         (SELECT count(*) FROM finance.recognition_schedules s
          WHERE s.tenant_id = $1 AND s.status = 'active' AND s.method = 'ratable' AND s.next_day <= $3::date)::int AS schedules,
         (SELECT count(*) FROM finance.waiting_events w, month m
          WHERE w.tenant_id = $1 AND (w.envelope->>'time')::timestamptz >= m.starts AND (w.envelope->>'time')::timestamptz < m.ends)::int AS waiting,
         (SELECT count(*) FROM finance.reconciliation_exceptions x, month m
          WHERE x.tenant_id = $1 AND x.status = 'open' AND x.occurred_at >= m.starts AND x.occurred_at < m.ends)::int AS exceptions`,
      [tenantId, firstDay, lastDay],
    );
    return row;
  }
}
