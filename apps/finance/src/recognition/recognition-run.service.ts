import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { runWithContext } from '@libs/common';
import { RecognitionRunEntry, RecognitionRunResponse, RevenueStream } from '@libs/contracts';
import { DEFERRED_REVENUE, REVENUE_ACCOUNT } from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { monthOfDay } from '../calendar/calendar-month';
import { addDays, daysBetween, postingDateOf } from '../calendar/posting-date';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { credit, debit } from '../ledger/entry-lines';
import { LedgerSourceKey } from '../ledger/ledger-source-keys';
import { LedgerService } from '../ledger/ledger.service';
import { dayAmount } from './ratable-split';
import { RecognitionSchedule } from './recognition-schedule.entity';
import { NewLine, RecognitionScheduleRepository, ScheduleAdvance } from './recognition-schedule.repository';

/** One journal entry of a run: a stream's revenue in one currency within one calendar month. */
interface EntryGroup {
  stream: RevenueStream;
  currency: string;
  lines: NewLine[];
  amount: bigint;
  firstDay: string;
  lastDay: string;
  schedules: Set<string>;
}

/**
 * The daily recognition run: for every ratable schedule, every agency-local day up to and including
 * yesterday that is not recognized yet (so downtime is caught up), moved from deferred revenue to
 * revenue. One journal entry per run, agency, currency and stream (and calendar month, so a
 * catch-up across a month end leaves each month's revenue in its month), with a recognition line
 * per schedule and day pointing at it. One agency is recognized in one transaction under an
 * advisory lock: a second instance running at the same time skips that agency, and the unique
 * (schedule, day) line refuses a day twice whatever happens. Days of a month closed before they
 * were recognized (the run was down at the month end, or the month was closed early) are not held
 * back: their entry goes, like every late fact, to the first open day with a late reference naming
 * the closed month, and their recognition lines keep their own days, so deferred revenue never
 * stays overstated waiting for a reopen.
 */
@Injectable()
export class RecognitionRunService {
  private readonly logger = new Logger(RecognitionRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly schedules: RecognitionScheduleRepository,
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
    private readonly books: AgencyBooksLock,
  ) {}

  /** Every agency with something due; `now` is the clock (a test may name another instant). */
  async recognizeAll(now: Date = new Date()): Promise<RecognitionRunResponse[]> {
    // Yesterday anywhere on earth is at most today in UTC: a bound, each agency's own yesterday is finer.
    const bound = now.toISOString().slice(0, 10);
    const results: RecognitionRunResponse[] = [];
    for (const tenantId of await this.schedules.findTenantsWithDueSchedules(bound)) {
      // One agency's failure (a closed period, a bad row) must not hold back the others; its days wait for the next run.
      try {
        results.push(await this.recognizeAgency(tenantId, now));
      } catch (error) {
        this.logger.error(`recognition for agency ${tenantId} failed: ${(error as Error).message}`);
      }
    }
    return results;
  }

  /** One agency, through its yesterday as of `now`; answers what it posted (nothing when another run holds the agency). */
  recognizeAgency(tenantId: string, now: Date = new Date()): Promise<RecognitionRunResponse> {
    const runId = randomUUID();
    return runWithContext({ requestId: `recognition-run:${runId}`, tenantId, actor: 'recognition-run' }, () =>
      this.dataSource.transaction(async (tx) => {
        const through = addDays(postingDateOf(now, await this.calendar.timeZoneOf(tx, tenantId)), -1);
        const idle: RecognitionRunResponse = { through, schedules: 0, days: 0, entries: [] };
        if (!(await this.schedules.tryLockRunOfAgency(tx, tenantId))) return idle;
        await this.books.hold(tx, tenantId);
        const due = await this.schedules.lockDueOfTenant(tx, tenantId, through);
        if (due.length === 0) return idle;
        const groups = new Map<string, EntryGroup>();
        const advances = due.map((schedule) => recognizeThrough(schedule, through, groups));
        const entries = await this.postGroups(tx, tenantId, runId, [...groups.values()]);
        const lines = [...groups.values()].flatMap((group) => group.lines);
        await this.schedules.insertLines(tx, lines);
        await this.schedules.advance(tx, advances);
        return { through, schedules: due.length, days: lines.length, entries };
      }),
    );
  }

  /** Dr deferred revenue / Cr the stream's revenue, one entry per group; its lines point at it. */
  private async postGroups(
    tx: EntityManager,
    tenantId: string,
    runId: string,
    groups: EntryGroup[],
  ): Promise<RecognitionRunEntry[]> {
    const entries: RecognitionRunEntry[] = [];
    for (const group of groups) {
      if (group.amount === 0n) continue;
      const { stream, currency } = group;
      const posted = await this.ledger.post(tx, {
        tenantId,
        sourceKey: LedgerSourceKey.recognition(runId, stream, currency, monthOfDay(group.lastDay)),
        postedOn: group.lastDay,
        description: `Revenue recognized (${stream}, ${currency}) ${group.firstDay === group.lastDay ? `on ${group.firstDay}` : `${group.firstDay} to ${group.lastDay}`}: ${group.schedules.size} schedule(s)`,
        lines: [
          debit(DEFERRED_REVENUE, currency, group.amount),
          credit(REVENUE_ACCOUNT[stream], currency, group.amount),
        ],
        dimensions: { stream, productId: null, siteId: null, counterpartyId: null },
      });
      for (const line of group.lines) if (line.amount !== 0n) line.entryId = posted.entryId;
      entries.push({
        entryId: posted.entryId,
        stream,
        currency,
        postedOn: posted.postedOn,
        amount: group.amount.toString(),
        schedules: group.schedules.size,
        days: group.lines.length,
      });
    }
    return entries;
  }
}

/** The schedule's lines from its next day through `through` (or its last day), added to their groups; answers how the schedule moves on. */
function recognizeThrough(
  schedule: RecognitionSchedule,
  through: string,
  groups: Map<string, EntryGroup>,
): ScheduleAdvance {
  const firstDay = schedule.firstDay!;
  const days = schedule.days!;
  const segment = {
    days,
    segmentStart: schedule.segmentStart,
    segmentBase: BigInt(schedule.segmentBase),
    segmentAmount: BigInt(schedule.segmentAmount),
  };
  const currency = schedule.currency.trim();
  const lastK = Math.min(days, daysBetween(firstDay, through) + 1);
  let recognized = BigInt(schedule.recognized);
  for (let k = schedule.recognizedDays + 1; k <= lastK; k++) {
    const day = addDays(firstDay, k - 1);
    const amount = dayAmount(segment, k);
    const key = `${schedule.stream}|${currency}|${day.slice(0, 7)}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        stream: schedule.stream,
        currency,
        lines: [],
        amount: 0n,
        firstDay: day,
        lastDay: day,
        schedules: new Set(),
      };
      groups.set(key, group);
    }
    group.lines.push({ tenantId: schedule.tenantId, scheduleId: schedule.id, day, amount, entryId: null });
    group.amount += amount;
    group.schedules.add(schedule.id);
    if (day < group.firstDay) group.firstDay = day;
    if (day > group.lastDay) group.lastDay = day;
    recognized += amount;
  }
  const done = lastK >= days;
  return {
    id: schedule.id,
    recognizedDays: lastK,
    recognized,
    nextDay: done ? null : addDays(firstDay, lastK),
    status: done ? 'completed' : 'active',
  };
}
