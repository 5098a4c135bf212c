import { Injectable } from '@nestjs/common';
import { Caller, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  DeliveryReportRequest,
  DeliveryReportView,
  FieldError,
  LinePacingView,
  MAX_DELIVERY_REPORT_DAYS,
} from '@libs/contracts';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { dayNumber, dayOfNumber, isCalendarDay, localDayOf, startOfLocalDay } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { OrdersService } from '../orders/orders.service';
import { elapsedShare, figuresOf, pacingOf } from './delivery-figures';
import { DeliveryReportRepository, ReportFilter, ReportLine } from './delivery-report.repository';

/** Lines a report lists against their goals, at most. */
const MAX_REPORT_LINES = 200;
/** Days a report without an order or line covers unless told: the week to today. */
const DEFAULT_DAYS = 7;

/** Delivery reports from the beacons' counters: per day, hour, line, unit or article, and each line against its goal. */
@Injectable()
export class DeliveryReportsService {
  constructor(
    private readonly reports: DeliveryReportRepository,
    private readonly orders: OrdersService,
    private readonly calendars: AgencyCalendarRepository,
  ) {}

  async report(caller: Caller, request: DeliveryReportRequest, now = new Date()): Promise<DeliveryReportView> {
    const advertiserId = advertiserScopeOf(caller);
    const { timeZone } = await this.calendars.findOfTenant(caller.tenantId);
    const flight = await this.flightOf(caller, request, advertiserId);
    const today = localDayOf(now, timeZone);
    const filter: ReportFilter = {
      tenantId: caller.tenantId,
      advertiserId,
      orderId: request.orderId ?? null,
      lineId: request.lineId ?? null,
      from: request.from ?? flight?.from ?? dayOfNumber(dayNumber(today) - DEFAULT_DAYS + 1),
      to: request.to ?? flight?.to ?? today,
    };
    checkDays(filter);
    const groupBy = request.groupBy ?? 'day';
    const [counts, readers, totals, allReaders, lines] = await Promise.all([
      this.reports.countsBy(filter, groupBy),
      this.reports.readersBy(filter, groupBy),
      this.reports.countsBy(filter, null),
      this.reports.readersBy(filter, null),
      this.reports.linesOf(filter, MAX_REPORT_LINES),
    ]);
    const whole = totals[0] ?? { impressions: 0, viewables: 0, clicks: 0 };
    return {
      timeZone,
      from: filter.from,
      to: filter.to,
      groupBy,
      uniqueReadersCounting: 'exact',
      rows: counts.map((row) => ({
        key: row.key,
        ...figuresOf({ ...row, uniqueReaders: readers.get(row.key) ?? 0 }),
      })),
      totals: figuresOf({ ...whole, uniqueReaders: allReaders.get('') ?? 0 }),
      lines: lines.map((line) => pacingViewOf(line, timeZone, now)),
    };
  }

  /** The days of the order or line named (404 when not the caller's), to default the report's days to. */
  private async flightOf(
    caller: Caller,
    request: DeliveryReportRequest,
    advertiserId: string | null,
  ): Promise<{ from: string; to: string } | null> {
    if (request.lineId) {
      const scope = { tenantId: caller.tenantId, advertiserId, orderId: request.orderId ?? null };
      if (request.orderId) await this.orders.get(caller, request.orderId);
      const line = await this.reports.findLine(scope, request.lineId);
      if (!line) throw new NotFoundError('line', request.lineId);
      return { from: line.flightStart, to: line.flightEnd };
    }
    if (!request.orderId) return null;
    const order = await this.orders.get(caller, request.orderId);
    const starts = order.lines.map((line) => line.flightStart).sort();
    const ends = order.lines.map((line) => line.flightEnd).sort();
    return { from: starts[0], to: ends[ends.length - 1] };
  }
}

/** Real days in order, at most a year apart; every fault at once, naming its field. */
function checkDays({ from, to }: ReportFilter): void {
  const errors: FieldError[] = [];
  if (!isCalendarDay(from)) errors.push({ field: 'from', message: 'must be a calendar day' });
  if (!isCalendarDay(to)) errors.push({ field: 'to', message: 'must be a calendar day' });
  if (errors.length === 0 && to < from) errors.push({ field: 'to', message: 'must not be before from' });
  if (errors.length === 0 && dayNumber(to) - dayNumber(from) + 1 > MAX_DELIVERY_REPORT_DAYS)
    errors.push({ field: 'to', message: `a report covers at most ${MAX_DELIVERY_REPORT_DAYS} days` });
  if (errors.length > 0) throw new ValidationFailedError(errors);
}

/** cpm lines against impressions per day × days; whole-day lines against the flight's days. */
function pacingViewOf(line: ReportLine, timeZone: string, now: Date): LinePacingView {
  const days = dayNumber(line.flightEnd) - dayNumber(line.flightStart) + 1;
  const cpm = line.pricingModel === 'cpm';
  const goal = cpm ? line.impressionsPerDay * days : days;
  const delivered = cpm ? line.impressions : line.daysDelivered;
  const elapsed = elapsedShare(
    now,
    startOfLocalDay(line.flightStart, timeZone),
    startOfLocalDay(dayOfNumber(dayNumber(line.flightEnd) + 1), timeZone),
  );
  return {
    lineId: line.id,
    orderId: line.orderId,
    adUnitId: line.adUnitId,
    pricingModel: line.pricingModel,
    flightStart: line.flightStart,
    flightEnd: line.flightEnd,
    goalUnit: cpm ? 'impressions' : 'days',
    goal,
    delivered,
    ...pacingOf(goal, delivered, elapsed),
  };
}
