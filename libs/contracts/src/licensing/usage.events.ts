import { ArrayNotEmpty, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

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
