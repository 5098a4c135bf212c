import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

/** One agency-local day of a booking's delivery and what it earned (for cpd and sponsorship, the day's share). */
export class ArticleEarnings {
  @IsString() articleId!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
}

export class DeliveryRecordedEvent {
  @IsUUID() bookingId!: string;
  /** The agency-local day delivered, `YYYY-MM-DD`. */
  @Matches(CALENDAR_DAY) day!: string;
  @IsInt() @Min(0) impressions!: number;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Earned that day, tax excluded, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  /** Of `amount`, what the ads on each article's pages earned (for revenue per article); absent when not known. */
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ArticleEarnings) articles?: ArticleEarnings[];
}

export const DeliveryRecorded = defineEvent({
  subject: 'evt.advertising.delivery.recorded.v1',
  data: DeliveryRecordedEvent,
  description:
    "A booking's delivery for one agency-local day (impressions, amount earned). One per booking and day; finance recognizes it, never beyond what was invoiced.",
});
