import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

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
