import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { Nullable } from '../nullable';

// What finance needs from advertising to book a booking's money: billed, paid, delivered, credited, canceled.

export const PRICING_MODELS = ['cpm', 'cpd', 'sponsorship'] as const;

export type PricingModel = (typeof PRICING_MODELS)[number];

/**
 * Where the advertiser's money arrived: a bank transfer, a card payment through Stripe, or a payment
 * on a rail through the payments service (`rail`: its cash is booked from the payment's own
 * `PaymentSucceeded`, so a `rail` BookingPaid only says which booking the money paid).
 */
export const PAYMENT_DESTINATIONS = ['bank', 'stripe', 'rail'] as const;

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

/** A payment received against a booking's invoice (one event per payment and booking). */
export class BookingPaidEvent {
  /** This booking's share of one payment, unique per event: a payment split over an order's bookings has one id per booking. */
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

/**
 * A booking was canceled before its flight ended. Of what was invoiced, the advertiser keeps owing
 * what was delivered and the rate card's penalty (each tax excluded, VAT on them kept at the
 * booking's rate); the rest, `credited` with its VAT `creditedTax`, is no longer owed (refunded if
 * it was paid). One event per booking: a booking is canceled once.
 */
export class BookingCanceledEvent {
  @IsUUID() bookingId!: string;
  @IsUUID() advertiserId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Taken off the invoice, tax included, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) credited!: string;
  /** Of `credited`, the VAT. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) creditedTax!: string;
  /** The penalty kept by the rate card's notice bands, tax excluded: earned when the booking is canceled. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) penalty!: string;
  /** What had been delivered and stays billed, tax excluded: earned as its deliveries are recorded. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) delivered!: string;
  @IsString() @Length(1, 500) reason!: string;
  @IsISO8601() canceledAt!: string;
}

export const BookingCanceled = defineEvent({
  subject: 'evt.advertising.booking.canceled.v1',
  data: BookingCanceledEvent,
  description:
    'A booking was canceled: what is credited (VAT included, and its VAT), the penalty kept and what was delivered (VAT excluded). Finance releases the credited deferred revenue and VAT and recognizes the penalty.',
});
