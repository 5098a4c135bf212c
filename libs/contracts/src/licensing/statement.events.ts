import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

/** A royalty statement: what the agency owes rights holders for a period of an agreement. */
export class StatementIssuedEvent {
  @IsUUID() statementId!: string;
  @IsUUID() agreementId!: string;
  @IsUUID() licenseeId!: string;
  /** The period covered, agency-local days, inclusive. */
  @Matches(CALENDAR_DAY) periodStart!: string;
  @Matches(CALENDAR_DAY) periodEnd!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) royaltiesDue!: string;
  @IsISO8601() issuedAt!: string;
}

export const StatementIssued = defineEvent({
  subject: 'evt.licensing.statement.issued.v1',
  data: StatementIssuedEvent,
  description:
    'A royalty statement was issued for a period of an agreement: the royalties due (an expense and a payable for finance).',
});
