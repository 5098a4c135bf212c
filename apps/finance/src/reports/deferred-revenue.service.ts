import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeferredRevenueLine, DeferredRevenueRequest, DeferredRevenueResponse } from '@libs/contracts';
import { DEFERRED_REVENUE } from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { lastDayOf, monthsAfter } from '../calendar/calendar-month';
import { daysBetween } from '../calendar/posting-date';
import { recognizedThrough } from '../recognition/ratable-split';
import { DeferredRevenueRepository, OpenSchedule } from './deferred-revenue.repository';

const DEFAULT_MONTHS = 12;

/**
 * Deferred revenue today and when it turns into revenue. Ratable schedules recognize their
 * remaining days by the same cumulative split as the recognition run, so the waterfall shows
 * exactly what the runs will post, month by month; the ledger's deferred revenue balance is
 * given beside it, and the two agree when every deferred amount has its schedule.
 */
@Injectable()
export class DeferredRevenueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deferred: DeferredRevenueRepository,
    private readonly calendar: AgencyCalendar,
  ) {}

  async waterfall(tenantId: string, request: DeferredRevenueRequest): Promise<DeferredRevenueResponse> {
    const months = request.months ?? DEFAULT_MONTHS;
    const today = await this.calendar.dayOf(this.dataSource.manager, tenantId, new Date());
    const firstMonth = today.slice(0, 7);
    const shown = Array.from({ length: months }, (_, at) => monthsAfter(firstMonth, at));
    const schedules = await this.deferred.findOpenSchedules(tenantId);
    const lines = new Map<
      string,
      {
        line: DeferredRevenueLine;
        byMonth: bigint[];
        sums: { remaining: bigint; later: bigint; onDelivery: bigint; awaiting: bigint };
      }
    >();
    for (const schedule of schedules) {
      const id = `${schedule.stream} ${schedule.currency}`;
      let held = lines.get(id);
      if (!held) {
        held = {
          line: {
            stream: schedule.stream,
            currency: schedule.currency,
            remaining: '0',
            byMonth: [],
            later: '0',
            onDelivery: '0',
            awaitingService: '0',
          },
          byMonth: shown.map(() => 0n),
          sums: { remaining: 0n, later: 0n, onDelivery: 0n, awaiting: 0n },
        };
        lines.set(id, held);
      }
      const remaining = BigInt(schedule.total) - BigInt(schedule.reduced) - BigInt(schedule.recognized);
      held.sums.remaining += remaining;
      if (schedule.method === 'delivery') held.sums.onDelivery += remaining;
      else if (schedule.first_day === null || schedule.days === null) held.sums.awaiting += remaining;
      else held.sums.later += spread(schedule, shown, held.byMonth);
    }
    const ledger = await this.deferred.findCreditBalances(tenantId, DEFERRED_REVENUE);
    return {
      asOf: today,
      lines: [...lines.values()]
        .map(({ line, byMonth, sums }) => ({
          ...line,
          remaining: String(sums.remaining),
          later: String(sums.later),
          onDelivery: String(sums.onDelivery),
          awaitingService: String(sums.awaiting),
          byMonth: shown.map((month, at) => ({ month, amount: String(byMonth[at]) })),
        }))
        .sort((a, b) => `${a.stream} ${a.currency}`.localeCompare(`${b.stream} ${b.currency}`)),
      ledger,
    };
  }
}

/**
 * Adds what a ratable schedule has left to the months shown, by the month its days fall in (days
 * already past but not recognized yet go to the current month: the next run posts them); answers
 * what falls after the last month shown.
 */
function spread(schedule: OpenSchedule, shown: string[], byMonth: bigint[]): bigint {
  const days = schedule.days!;
  const segment = {
    days,
    segmentStart: schedule.segment_start,
    segmentBase: BigInt(schedule.segment_base),
    segmentAmount: BigInt(schedule.segment_amount),
  };
  const recognizedSoFar = BigInt(schedule.recognized);
  let later = 0n;
  let through = recognizedSoFar;
  // Day k (1-based) of the schedule is first_day + k − 1; walk month ends instead of days.
  for (let at = 0; at <= shown.length; at++) {
    const lastDayOfMonth = at < shown.length ? lastDayOf(shown[at]) : null;
    const k =
      lastDayOfMonth === null
        ? days
        : Math.min(days, Math.max(0, daysBetween(schedule.first_day!, lastDayOfMonth) + 1));
    const cumulative = recognizedThrough(segment, k);
    const amount = cumulative > through ? cumulative - through : 0n;
    through = cumulative > through ? cumulative : through;
    if (at < shown.length) byMonth[at] += amount;
    else later += amount;
  }
  return later;
}
