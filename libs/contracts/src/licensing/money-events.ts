import { ArrayNotEmpty, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

// What finance needs from licensing: flat fees over a term, usage when used, royalties owed.

/** A licence agreement started: its flat fee is billed now and earned over the term. */
export class AgreementActivatedEvent {
  @IsUUID() agreementId!: string;
  @IsUUID() licenseeId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** The flat fee billed, tax included, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) flatFee!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) tax!: string;
  /** The term, [termStart, termEnd). */
  @IsISO8601() termStart!: string;
  @IsISO8601() termEnd!: string;
  @IsISO8601() activatedAt!: string;
}

export const AgreementActivated = defineEvent({
  subject: 'evt.licensing.agreement.activated.v1',
  data: AgreementActivatedEvent,
  description:
    'A licence agreement became active: licensee, flat fee and tax, term. Finance defers the fee and recognizes it ratably over the term.',
});

/** Licensed content was used and charged (pay per use): earned when used. */
export class UsageChargedEvent {
  @IsUUID() usageId!: string;
  @IsUUID() agreementId!: string;
  @IsUUID() licenseeId!: string;
  @ArrayNotEmpty() @IsString({ each: true }) articleIds!: string[];
  @Matches(CURRENCY_CODE) currency!: string;
  /** Charged, tax included, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) tax!: string;
  @IsISO8601() chargedAt!: string;
}

export const UsageCharged = defineEvent({
  subject: 'evt.licensing.usage.charged.v1',
  data: UsageChargedEvent,
  description: 'A licensee was charged for using licensed articles: amount and tax, recognized at once.',
});

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
