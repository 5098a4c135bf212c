import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

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
