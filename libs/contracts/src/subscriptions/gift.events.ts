import { Nullable } from '../nullable';
import { IsInt, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

/**
 * A gift paid through gift checkout, the provider's or a rail's: money received now for a service
 * given later (deferred revenue).
 */
export class GiftPurchasedEvent {
  @IsUUID() giftId!: string;
  @IsUUID() planId!: string;
  /** The price version the amount was computed from. */
  @IsUUID() priceId!: string;
  @IsUUID() productId!: string;
  @IsInt() months!: number;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Total charged, tax included. */
  @Matches(MINOR_UNITS) amountPaid!: string;
  @Matches(MINOR_UNITS) tax!: string;
  /** The provider's fee; 0 on a rail (the rail's fee is known from its settlement report). */
  @Matches(MINOR_UNITS) providerFee!: string;
  /** The provider's checkout session and payment intent; null for a gift paid on a rail (see `paymentId`). */
  @Nullable() @IsOptional() @IsString() providerCheckoutId!: string | null;
  @Nullable() @IsOptional() @IsString() providerPaymentIntentId!: string | null;
  @Nullable() @IsOptional() @IsString() providerChargeId!: string | null;
  @Nullable() @IsOptional() @IsString() providerBalanceTransactionId!: string | null;
  /**
   * Set when a payment on a rail paid the gift: finance books its cash from that payment's
   * PaymentSucceeded, not from this event. Null or absent: the provider (Stripe) collected it, and
   * this event carries the cash.
   */
  @Nullable() @IsOptional() @IsUUID() paymentId?: string | null;
  @IsString() paidAt!: string;
}

export const GiftPurchased = defineEvent({
  subject: 'evt.subscriptions.gift.purchased.v1',
  data: GiftPurchasedEvent,
  description:
    'A gift was paid through gift checkout: amount, tax, currency, provider fee and ids, or `paymentId` when a payment on a rail paid it (its cash is booked from that payment). Nothing is earned yet; the service period starts when the gift is redeemed (GiftRedeemed) or the money is kept when it expires (GiftExpired).',
});

/** A reader redeemed a gift: its service period is now known. */
export class GiftRedeemedEvent {
  @IsUUID() giftId!: string;
  @IsUUID() planId!: string;
  @IsUUID() productId!: string;
  @IsInt() months!: number;
  /** Set for a gift bought through gift checkout (see GiftPurchased); null for one the agency recorded as paid elsewhere. */
  @Nullable() @IsOptional() @IsString() providerCheckoutId!: string | null;
  /** Set for a gift bought on a rail (see GiftPurchased); absent or null otherwise. */
  @Nullable() @IsOptional() @IsUUID() paymentId?: string | null;
  @IsString() redeemedAt!: string;
  /** The reader holds the product from `servicePeriodStart` until `servicePeriodEnd` (N calendar months): recognise the gift's revenue over it. */
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
}

export const GiftRedeemed = defineEvent({
  subject: 'evt.subscriptions.gift.redeemed.v1',
  data: GiftRedeemedEvent,
  description: "A gift was redeemed: the service period over which a purchased gift's deferred revenue is recognised.",
});

/** A gift nobody redeemed before its deadline: it can no longer be redeemed (breakage). */
export class GiftExpiredEvent {
  @IsUUID() giftId!: string;
  @IsUUID() planId!: string;
  @IsUUID() productId!: string;
  @IsInt() months!: number;
  /** Set for a gift bought through gift checkout (see GiftPurchased); null for one the agency recorded as paid elsewhere. */
  @Nullable() @IsOptional() @IsString() providerCheckoutId!: string | null;
  /** Set for a gift bought on a rail (see GiftPurchased); absent or null otherwise. */
  @Nullable() @IsOptional() @IsUUID() paymentId?: string | null;
  /** The redemption deadline that passed. */
  @IsString() expiredAt!: string;
}

export const GiftExpired = defineEvent({
  subject: 'evt.subscriptions.gift.expired.v1',
  data: GiftExpiredEvent,
  description:
    "A gift passed its redemption deadline unredeemed (breakage): a purchased gift's deferred revenue can be recognised in full.",
});
