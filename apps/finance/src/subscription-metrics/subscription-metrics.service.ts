import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  decodeCheckoutReference,
  EventEnvelope,
  METRICS_MAX_MONTHS,
  SubscriptionChangedEvent,
  SubscriptionMetricsRequest,
  SubscriptionMetricsResponse,
  SubscriptionMonthMetrics,
} from '@libs/contracts';
import { reportSpan } from '../calendar/calendar-month';
import { SubscriptionStateRepository } from './subscription-state.repository';

/** Statuses in which a subscription is billed, so counts towards MRR. */
const COUNTED = new Set(['active', 'past_due']);

interface HeldState {
  currency: string;
  mrr: bigint;
}

/** Subscription metrics from the history of SubscriptionChanged, month by month in the agency's calendar. */
@Injectable()
export class SubscriptionMetricsService {
  constructor(private readonly states: SubscriptionStateRepository) {}

  /** Keeps what a SubscriptionChanged says from its instant on, and the article the subscription came from. */
  async recordState(tx: EntityManager, event: EventEnvelope<SubscriptionChangedEvent>): Promise<void> {
    const { subscriptionId, status, planId, currency, unitAmount, intervalMonths, reference } = event.data;
    await this.states.insert(tx, {
      id: event.id,
      tenantId: event.tenantId,
      subscriptionId,
      effectiveAt: new Date(event.time),
      status,
      planId,
      currency: currency ?? null,
      unitAmount: unitAmount ?? null,
      intervalMonths: intervalMonths ?? null,
      articleId: decodeCheckoutReference(reference)?.articleId ?? null,
    });
  }

  async monthly(tenantId: string, request: SubscriptionMetricsRequest): Promise<SubscriptionMetricsResponse> {
    const span = reportSpan(request.from, request.to, METRICS_MAX_MONTHS);
    const boundaries = await this.states.findMonthStarts(tenantId, request.from, span + 1);
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

  /** Every subscription billed at `instant`, with its MRR: each one's latest state before it. */
  private async countedAt(tenantId: string, instant: Date): Promise<Map<string, HeldState>> {
    const rows = await this.states.findLatestBefore(tenantId, instant);
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
