import { Nullable } from '../nullable';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';

/** A calendar month, `YYYY-MM` (months 01-12). */
export const CALENDAR_MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
export const CALENDAR_MONTH_MESSAGE = 'must be a calendar month, YYYY-MM (e.g. 2026-10)';

export const PERIOD_STATUSES = ['open', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** One month of an agency's books, in the agency's time zone. */
export class AccountingPeriodView {
  @Matches(CALENDAR_MONTH) month!: string;
  /** A closed month accepts no postings dated inside it; late facts go to the first open month. */
  @IsIn(PERIOD_STATUSES) status!: PeriodStatus;
  @Nullable() @IsOptional() @IsString() closedAt!: string | null;
  /** Who closed it last (`api-key:<id>`, `user:<id>`). */
  @Nullable() @IsOptional() @IsString() closedBy!: string | null;
  @Nullable() @IsOptional() @IsString() reopenedAt!: string | null;
  @Nullable() @IsOptional() @IsString() reopenedBy!: string | null;
  @Nullable() @IsOptional() @IsString() reopenReason!: string | null;
}

export class AccountingPeriodListResponse {
  /** Every month that has postings or was ever closed, oldest first. */
  @ValidateNested({ each: true }) @Type(() => AccountingPeriodView) items!: AccountingPeriodView[];
}

export class ClosePeriodRequest {
  @Matches(CALENDAR_MONTH, { message: `month ${CALENDAR_MONTH_MESSAGE}` }) month!: string;
}

export class ReopenPeriodRequest {
  @Matches(CALENDAR_MONTH, { message: `month ${CALENDAR_MONTH_MESSAGE}` }) month!: string;
  /** Why the closed month is opened again; kept with the period and in the audit log. */
  @IsString() @Length(3, 500) reason!: string;
}

export const ListAccountingPeriods = defineRpc({
  subject: 'finance.accounting-period.list.v1',
  request: TenantScopedRequest,
  response: AccountingPeriodListResponse,
  description: "The agency's months that have postings or were closed, oldest first, each open or closed.",
  roles: ['admin', 'finance'],
});

export const ClosePeriod = defineRpc({
  subject: 'finance.accounting-period.close.v1',
  request: ClosePeriodRequest,
  response: AccountingPeriodView,
  description:
    'Closes a month that has ended: no posting dated inside it is accepted any more. Months close in order (conflict while an earlier month is open).',
  roles: ['admin', 'finance'],
});

export const ReopenPeriod = defineRpc({
  subject: 'finance.accounting-period.reopen.v1',
  request: ReopenPeriodRequest,
  response: AccountingPeriodView,
  description: 'Opens the latest closed month again, giving a reason (conflict for any other month); audited.',
  roles: ['admin', 'finance'],
});

export class MonthEndChecklistRequest {
  @Matches(CALENDAR_MONTH, { message: `month ${CALENDAR_MONTH_MESSAGE}` }) month!: string;
}

/**
 * What stands between a month and its close, in the agency's time zone: each count is something a
 * chief accountant would clear (or knowingly leave) first. Nothing here stops a close; a fact that
 * arrives after it is posted late, on the first open day.
 */
export class MonthEndChecklistView {
  @Matches(CALENDAR_MONTH) month!: string;
  @IsIn(PERIOD_STATUSES) status!: PeriodStatus;
  /** The month is over in the agency's time zone (a month closes only then). */
  @IsBoolean() ended!: boolean;
  /** An earlier month with postings still open (months close in order); null when none. */
  @Nullable() @IsOptional() @Matches(CALENDAR_MONTH) earlierOpenMonth!: string | null;
  /** Revenue schedules not yet recognized through the month's last day (the daily run is behind, or has not run since). */
  @IsInt() schedulesNotRecognized!: number;
  /** Money events that happened in the month and still wait for the fact they depend on (`GET /v1/finance/waiting-events`). */
  @IsInt() waitingEvents!: number;
  /** Reconciliation exceptions of the month still open. */
  @IsInt() openReconciliationExceptions!: number;
  /** Open, ended, no earlier month open, and every count above zero. */
  @IsBoolean() readyToClose!: boolean;
}

export const GetMonthEndChecklist = defineRpc({
  subject: 'finance.accounting-period.checklist.v1',
  request: MonthEndChecklistRequest,
  response: MonthEndChecklistView,
  description:
    'What is outstanding before a month closes: recognition behind, events waiting, reconciliation exceptions open, months to close first.',
  roles: ['admin', 'finance'],
});
