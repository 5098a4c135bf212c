import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

/** A credit given to an advertiser for under-delivery or a fault (a make-good). */
export class MakeGoodCreditedEvent {
  @IsUUID() makeGoodId!: string;
  @IsUUID() bookingId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Credited, tax excluded, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @IsString() @Length(1, 500) reason!: string;
  @IsISO8601() creditedAt!: string;
}

export const MakeGoodCredited = defineEvent({
  subject: 'evt.advertising.make-good.credited.v1',
  data: MakeGoodCreditedEvent,
  description: 'A make-good credit was given on a booking: amount and reason.',
});
