import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  METRICS_MAX_MONTHS,
  SubscriptionMetricsRequest,
  SubscriptionMetricsResponse,
  SubscriptionMonthMetrics,
} from '@libs/contracts';
import { reportSpan } from '../calendar/calendar-month';

/** Statuses in which a subscription is billed, so counts towards MRR. */
const COUNTED = new Set(['active', 'past_due']);
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface HeldState {
  currency: string;
  mrr: bigint;
}

/** Subscription metrics from the history of SubscriptionChanged, month by month in the agency's calendar. */
@Injectable()
export class SubscriptionMetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async monthly(tenantId: string, request: SubscriptionMetricsRequest): Promise<SubscriptionMetricsResponse> {
    const span = reportSpan(request.from, request.to, METRICS_MAX_MONTHS);
    const boundaries = await this.monthStarts(tenantId, request.from, span + 1);
    const states: Map<string, HeldState>[] = [];
    for (const boundary of boundaries) states.push(await this.countedAt(tenantId, boundary.startsAt));
    const currencies = [...new Set(states.flatMap((held) => [...held.values()].map((state) => state.currency)))].sort();
    const months: SubscriptionMonthMetrics[] = [];
    for (let at = 0; at < span; at++) {
      for (const currency of currencies)
        months.push(monthOf(boundaries[at].month, currency, states[at], states[at + 1]));
    }
    return { months };
  }

  /** The instant each month starts in the agency's time zone, `count` months from `from`. */
  private async monthStarts(
    tenantId: string,
    from: string,
    count: number,
  ): Promise<{ month: string; startsAt: Date }[]> {
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

  /** Every subscription billed at `instant`, with its MRR: each one's latest state before it. */
  private async countedAt(tenantId: string, instant: Date): Promise<Map<string, HeldState>> {
    const rows: {
      subscription_id: string;
      status: string;
      currency: string | null;
      unit_amount: string | null;
      interval_months: number | null;
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (subscription_id) subscription_id, status, currency, unit_amount, interval_months
           FROM finance.subscription_states
          WHERE tenant_id = $1 AND effective_at < $2
          ORDER BY subscription_id, effective_at DESC, id`,
      [tenantId, instant],
    );
    const counted = new Map<string, HeldState>();
    for (const row of rows) {
      if (!COUNTED.has(row.status) || row.currency === null || row.unit_amount === null || row.interval_months === null)
        continue;
      counted.set(row.subscription_id, {
        currency: row.currency,
        mrr: divideRounded(BigInt(row.unit_amount), BigInt(row.interval_months)),
      });
    }
    return counted;
  }
}

function monthOf(
  month: string,
  currency: string,
  start: Map<string, HeldState>,
  end: Map<string, HeldState>,
): SubscriptionMonthMetrics {
  const inCurrency = (held: Map<string, HeldState>) =>
    new Map([...held].filter(([, state]) => state.currency === currency));
  const [before, after] = [inCurrency(start), inCurrency(end)];
  let [mrrAtStart, mrrAtEnd, newMrr, expansionMrr, contractionMrr, churnedMrr] = [0n, 0n, 0n, 0n, 0n, 0n];
  let [newSubscriptions, churnedSubscriptions] = [0, 0];
  for (const [id, state] of before) {
    mrrAtStart += state.mrr;
    const later = after.get(id);
    if (!later) {
      churnedSubscriptions++;
      churnedMrr += state.mrr;
    } else if (later.mrr > state.mrr) {
      expansionMrr += later.mrr - state.mrr;
    } else {
      contractionMrr += state.mrr - later.mrr;
    }
  }
  for (const [id, state] of after) {
    mrrAtEnd += state.mrr;
    if (!before.has(id)) {
      newSubscriptions++;
      newMrr += state.mrr;
    }
  }
  return {
    month,
    currency,
    activeAtStart: before.size,
    newSubscriptions,
    churnedSubscriptions,
    activeAtEnd: after.size,
    churnRate: before.size > 0 ? Math.round((churnedSubscriptions / before.size) * 10_000) / 10_000 : null,
    mrrAtStart: String(mrrAtStart),
    newMrr: String(newMrr),
    expansionMrr: String(expansionMrr),
    contractionMrr: String(contractionMrr),
    churnedMrr: String(churnedMrr),
    mrrAtEnd: String(mrrAtEnd),
    arr: String(mrrAtEnd * 12n),
    arpu: after.size > 0 ? String(divideRounded(mrrAtEnd, BigInt(after.size))) : null,
  };
}

/** Integer division rounding half away from zero (amounts here are never negative). */
function divideRounded(amount: bigint, by: bigint): bigint {
  return (amount * 2n + by) / (by * 2n);
}
