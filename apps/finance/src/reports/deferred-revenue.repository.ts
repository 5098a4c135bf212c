import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RevenueStream } from '@libs/contracts';

/** What is left to recognize of an open schedule, and how it is recognized. */
export interface OpenSchedule {
  stream: RevenueStream;
  currency: string;
  method: 'ratable' | 'delivery';
  total: string;
  reduced: string;
  recognized: string;
  first_day: string | null;
  days: number | null;
  segment_start: number;
  segment_base: string;
  segment_amount: string;
}

/** The only code that reads schedules and balances for the deferred revenue report. */
@Injectable()
export class DeferredRevenueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The agency's schedules still open with something left to recognize. */
  findOpenSchedules(tenantId: string): Promise<OpenSchedule[]> {
    return this.dataSource.query(
      `SELECT stream, trim(currency) AS currency, method, total, reduced, recognized, to_char(first_day, 'YYYY-MM-DD') AS first_day, days,
              segment_start, segment_base, segment_amount
         FROM finance.recognition_schedules
        WHERE tenant_id = $1 AND status IN ('active', 'awaiting-service') AND total - reduced - recognized > 0`,
      [tenantId],
    );
  }

  /** The credit balance of one account (deferred revenue) per currency, from the running totals. */
  findCreditBalances(tenantId: string, accountCode: string): Promise<{ currency: string; balance: string }[]> {
    return this.dataSource.query(
      `SELECT trim(b.currency) AS currency, (-b.balance)::text AS balance
         FROM finance.account_balances b JOIN finance.accounts a ON a.id = b.account_id
        WHERE b.tenant_id = $1 AND a.code = $2 ORDER BY 1`,
      [tenantId, accountCode],
    );
  }
}
