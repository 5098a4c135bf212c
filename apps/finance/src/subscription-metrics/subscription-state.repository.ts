import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../calendar/posting-date';
import { SubscriptionState } from './subscription-state.entity';

/** A subscription's latest state before an instant, as subscription metrics count it. */
export interface HeldStateRow {
  subscription_id: string;
  status: string;
  currency: string | null;
  unit_amount: string | null;
  interval_months: number | null;
}

/** The only code that writes SQL for subscription states (the history subscription metrics are computed from). */
@Injectable()
export class SubscriptionStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, state: SubscriptionState): Promise<void> {
    await tx.getRepository(SubscriptionState).insert(state);
  }

  /** The instant each month starts in the agency's time zone, `count` months from `from` (`YYYY-MM`). */
  async findMonthStarts(tenantId: string, from: string, count: number): Promise<{ month: string; startsAt: Date }[]> {
    const [tenant]: { time_zone: string }[] = await this.dataSource.query(
      `SELECT time_zone FROM finance.tenants WHERE tenant_id = $1`,
      [tenantId],
    );
    return this.dataSource.query(
      `SELECT to_char(d, 'YYYY-MM') AS month, (d::timestamp AT TIME ZONE $2) AS "startsAt"
         FROM generate_series(to_date($1, 'YYYY-MM'), to_date($1, 'YYYY-MM') + ($3 - 1) * interval '1 month', interval '1 month') AS d`,
      [from, tenant?.time_zone ?? DEFAULT_TIME_ZONE, count],
    );
  }

  /** Each subscription's latest state before `instant`. */
  findLatestBefore(tenantId: string, instant: Date): Promise<HeldStateRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (subscription_id) subscription_id, status, currency, unit_amount, interval_months
           FROM finance.subscription_states
          WHERE tenant_id = $1 AND effective_at < $2
          ORDER BY subscription_id, effective_at DESC, id`,
      [tenantId, instant],
    );
  }
}
