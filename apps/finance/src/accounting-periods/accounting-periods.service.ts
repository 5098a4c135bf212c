import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError } from '@libs/common';
import { AccountingPeriodView, MonthEndChecklistView } from '@libs/contracts';
import { firstDayOf, lastDayOf, monthAfter, monthName, monthOfDay } from '../calendar/calendar-month';
import { LedgerRepository } from '../ledger/ledger.repository';
import { AccountingPeriod } from './accounting-period.entity';
import { AccountingPeriodRepository } from './accounting-period.repository';

/**
 * Month close. The books are closed up to the end of the latest closed month: a chief accountant
 * closes months in order (no earlier month with postings may still be open), once they have ended
 * in the agency's time zone, and reopens only the latest closed month, saying why. Months with no
 * postings need no close of their own: closing a later month closes them too.
 */
@Injectable()
export class AccountingPeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: AccountingPeriodRepository,
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Every month with postings or closed at least once, oldest first. */
  async list(tenantId: string): Promise<AccountingPeriodView[]> {
    const [rows, monthsWithPostings] = await Promise.all([
      this.periods.findAllOfTenant(tenantId),
      this.ledger.findMonthsWithPostings(tenantId),
    ]);
    const byMonth = new Map(rows.map((row) => [monthOfDay(row.startsOn), row]));
    const months = [...new Set([...byMonth.keys(), ...monthsWithPostings])].sort();
    const closedThrough = rows
      .filter((row) => row.status === 'closed')
      .map((row) => monthOfDay(row.startsOn))
      .sort()
      .at(-1);
    return months.map((month) =>
      toView(month, byMonth.get(month), closedThrough !== undefined && month <= closedThrough),
    );
  }

  /** What stands between the month and its close (see `MonthEndChecklistView`); it closes nothing and locks nothing. */
  async checklist(tenantId: string, month: string): Promise<MonthEndChecklistView> {
    const tx = this.dataSource.manager;
    const agency = await this.periods.findTodayOfAgency(tx, tenantId);
    if (!agency) throw new ConflictError('finance has not set up the books of this agency yet');
    const firstOpenDay = await this.periods.findFirstOpenDay(tx, tenantId);
    const closed = firstOpenDay !== null && firstDayOf(month) < firstOpenDay;
    const earlierOpen = closed
      ? null
      : await this.ledger.findFirstDayWithPostings(tx, tenantId, firstOpenDay, firstDayOf(month));
    const outstanding = await this.periods.countOutstanding(tenantId, firstDayOf(month), lastDayOf(month));
    const ended = firstDayOf(monthAfter(month)) <= agency.today;
    const earlierOpenMonth = earlierOpen ? monthOfDay(earlierOpen) : null;
    return {
      month,
      status: closed ? 'closed' : 'open',
      ended,
      earlierOpenMonth,
      schedulesNotRecognized: outstanding.schedules,
      waitingEvents: outstanding.waiting,
      openReconciliationExceptions: outstanding.exceptions,
      readyToClose:
        !closed &&
        ended &&
        earlierOpenMonth === null &&
        outstanding.schedules + outstanding.waiting + outstanding.exceptions === 0,
    };
  }

  close(tenantId: string, month: string, actor: string): Promise<AccountingPeriodView> {
    return this.dataSource.transaction(async (tx) => {
      await this.periods.lockBooksOf(tx, tenantId);
      const agency = await this.periods.findTodayOfAgency(tx, tenantId);
      if (!agency) throw new ConflictError('finance has not set up the books of this agency yet');
      if (firstDayOf(monthAfter(month)) > agency.today) {
        throw new ConflictError(
          `${monthName(month)} has not ended yet in ${agency.timeZone}: a month closes once it is over`,
        );
      }
      const firstOpenDay = await this.periods.findFirstOpenDay(tx, tenantId);
      if (firstOpenDay !== null && firstDayOf(month) < firstOpenDay)
        throw new ConflictError(`${monthName(month)} is already closed`);
      const stillOpen = await this.ledger.findFirstDayWithPostings(tx, tenantId, firstOpenDay, firstDayOf(month));
      if (stillOpen) {
        throw new ConflictError(
          `${monthName(monthOfDay(stillOpen))} is still open: months close in order, close it before ${monthName(month)}`,
        );
      }
      const before = await this.periods.findOne(tx, tenantId, firstDayOf(month));
      const closed = await this.periods.save(
        tx,
        Object.assign(before ?? new AccountingPeriod(), {
          tenantId,
          startsOn: firstDayOf(month),
          status: 'closed',
          closedAt: new Date(),
          closedBy: actor,
        }),
      );
      const view = toView(month, closed, true);
      await this.recordChange(
        tx,
        tenantId,
        'accounting-period.closed',
        month,
        before ? toView(month, before, false) : null,
        view,
      );
      return view;
    });
  }

  reopen(tenantId: string, month: string, reason: string, actor: string): Promise<AccountingPeriodView> {
    return this.dataSource.transaction(async (tx) => {
      await this.periods.lockBooksOf(tx, tenantId);
      const latest = await this.periods.findLatestClosed(tx, tenantId);
      if (!latest) throw new ConflictError(`no month is closed: ${monthName(month)} is open`);
      const latestMonth = monthOfDay(latest.startsOn);
      if (latestMonth !== month) {
        throw new ConflictError(
          `only the latest closed month, ${monthName(latestMonth)}, can be reopened; ${monthName(month)} cannot`,
        );
      }
      const before = toView(month, latest, true);
      const reopened = await this.periods.save(
        tx,
        Object.assign(latest, { status: 'open', reopenedAt: new Date(), reopenedBy: actor, reopenReason: reason }),
      );
      const view = toView(month, reopened, false);
      await this.recordChange(tx, tenantId, 'accounting-period.reopened', month, before, view);
      return view;
    });
  }

  private recordChange(
    tx: EntityManager,
    tenantId: string,
    action: string,
    month: string,
    before: AccountingPeriodView | null,
    after: AccountingPeriodView,
  ): Promise<void> {
    return this.audit.record(tx, { tenantId, action, targetType: 'accounting-period', targetId: month, before, after });
  }
}

function toView(month: string, row: AccountingPeriod | undefined | null, closed: boolean): AccountingPeriodView {
  return {
    month,
    status: closed ? 'closed' : 'open',
    closedAt: row?.closedAt.toISOString() ?? null,
    closedBy: row?.closedBy ?? null,
    reopenedAt: row?.reopenedAt?.toISOString() ?? null,
    reopenedBy: row?.reopenedBy ?? null,
    reopenReason: row?.reopenReason ?? null,
  };
}
