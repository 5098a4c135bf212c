import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../define-event';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

// What finance needs from advertising to book a booking's money: billed, paid, delivered, credited.

export const PRICING_MODELS = ['cpm', 'cpd', 'sponsorship'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** Where the advertiser's money arrived: a bank transfer, or a card payment through Stripe. */
export const PAYMENT_DESTINATIONS = ['bank', 'stripe'] as const;
export type PaymentDestination = (typeof PAYMENT_DESTINATIONS)[number];

/** A booking was invoiced to its advertiser: owed now, earned as it is delivered. */
export class BookingInvoicedEvent {
  @IsUUID() bookingId!: string;
  @IsUUID() advertiserId!: string;
  @IsUUID() siteId!: string;
  @IsUUID() adUnitId!: string;
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Total invoiced, tax included, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) tax!: string;
  /** The flight: when the booking runs. */
  @IsISO8601() flightStart!: string;
  @IsISO8601() flightEnd!: string;
  @IsISO8601() invoicedAt!: string;
}

export const BookingInvoiced = defineEvent({
  subject: 'evt.advertising.booking.invoiced.v1',
  data: BookingInvoicedEvent,
  description:
    'A booking was invoiced: advertiser, site, ad unit, pricing model, amount and tax, flight. Finance defers it and recognizes it as delivered.',
});

/** A payment received against a booking's invoice (one event per payment). */
export class BookingPaidEvent {
  @IsUUID() paymentId!: string;
  @IsUUID() bookingId!: string;
  @IsUUID() advertiserId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @IsIn(PAYMENT_DESTINATIONS) paidTo!: PaymentDestination;
  @IsISO8601() paidAt!: string;
}

export const BookingPaid = defineEvent({
  subject: 'evt.advertising.booking.paid.v1',
  data: BookingPaidEvent,
  description: "A payment against a booking's invoice arrived, at the bank or through Stripe.",
});

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
