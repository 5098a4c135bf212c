import { Nullable } from '../nullable';
import { IsInt, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

/** A gift paid through gift checkout: money received now for a service given later (deferred revenue). */
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
  @Matches(MINOR_UNITS) providerFee!: string;
  @IsString() providerCheckoutId!: string;
  @IsString() providerPaymentIntentId!: string;
  @Nullable() @IsOptional() @IsString() providerChargeId!: string | null;
  @Nullable() @IsOptional() @IsString() providerBalanceTransactionId!: string | null;
  @IsString() paidAt!: string;
}

export const GiftPurchased = defineEvent({
  subject: 'evt.subscriptions.gift.purchased.v1',
  data: GiftPurchasedEvent,
  description:
    'A gift was paid through gift checkout: amount, tax, currency, provider fee and ids. Nothing is earned yet; the service period starts when the gift is redeemed (GiftRedeemed) or the money is kept when it expires (GiftExpired).',
});

/** A reader redeemed a gift: its service period is now known. */
export class GiftRedeemedEvent {
  @IsUUID() giftId!: string;
  @IsUUID() planId!: string;
  @IsUUID() productId!: string;
  @IsInt() months!: number;
  /** Set for a gift bought through gift checkout (see GiftPurchased); null for one the agency recorded as paid elsewhere. */
  @Nullable() @IsOptional() @IsString() providerCheckoutId!: string | null;
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
  /** The redemption deadline that passed. */
  @IsString() expiredAt!: string;
}

export const GiftExpired = defineEvent({
  subject: 'evt.subscriptions.gift.expired.v1',
  data: GiftExpiredEvent,
  description:
    "A gift passed its redemption deadline unredeemed (breakage): a purchased gift's deferred revenue can be recognised in full.",
});
