import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { Nullable } from '../nullable';

// What finance needs from advertising to book a booking's money: billed, paid, delivered, credited.

export const PRICING_MODELS = ['cpm', 'cpd', 'sponsorship'] as const;

export type PricingModel = (typeof PRICING_MODELS)[number];

/** Where the advertiser's money arrived: a bank transfer, or a card payment through Stripe. */
export const PAYMENT_DESTINATIONS = ['bank', 'stripe'] as const;

export type PaymentDestination = (typeof PAYMENT_DESTINATIONS)[number];

/** The article a sponsored-article booking ("bài PR") pays for: its page, and the CMS's id when given. */
export class BookedArticle {
  @IsString() @Length(1, 2048) articleUrl!: string;
  @Nullable() @IsOptional() @IsString() @Length(1, 200) articleId!: string | null;
}

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
  /** The takeover (roadblock) the booking is one unit of; absent or null for a line sold on its own. */
  @Nullable() @IsOptional() @IsUUID() roadblockId?: string | null;
  /**
   * A sponsored article ("bài PR"): a `sponsorship` of the homepage unit over the exposure window
   * (the flight), priced per article; absent or null for other bookings.
   */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => BookedArticle) sponsoredArticle?: BookedArticle | null;
}

export const BookingInvoiced = defineEvent({
  subject: 'evt.advertising.booking.invoiced.v1',
  data: BookingInvoicedEvent,
  description:
    'A booking was invoiced: advertiser, site, ad unit, pricing model, amount and tax, flight; the takeover it belongs to or the sponsored article it exposes, if any. Finance defers it and recognizes it as delivered.',
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
