import {
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';
import { PURCHASER_SECRET } from './gift-checkout.rpc';

/** Someone buys N months of a plan as a gift, paying on a domestic rail (MoMo, VNPay, payOS). */
export class CreateGiftRailCheckoutRequest {
  @IsUUID() planId!: string;
  /** Calendar months of access; a whole number of the plan's billing interval (a yearly plan: 12, 24 or 36). */
  @IsInt() @Min(1) @Max(36) months!: number;
  @IsEmail() purchaserEmail!: string;
  @IsOptional() @IsEmail() recipientEmail?: string;
  @IsOptional() @IsString() @Length(1, 1000) message?: string;
  /** The rails the purchaser may pay on (the agency's enabled ones if absent). */
  @IsOptional() @ArrayMinSize(1) @ArrayUnique() @IsIn(PAYMENT_RAILS, { each: true }) rails?: PaymentRailName[];
  /** Where the payer returns after paying: the page that then asks for the claim code. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'returnUrl must be an http(s) URL' },
  )
  @MaxLength(1000)
  returnUrl!: string;
}

/** The pending gift purchase, the payment to send the purchaser to, and the secret that later reveals the claim code. */
export class GiftRailCheckoutView {
  @IsUUID() giftPurchaseId!: string;
  @IsUUID() paymentId!: string;
  @IsString() payPageUrl!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** What the purchaser pays, VAT included (minor units). */
  @Matches(MINOR_UNITS) amount!: string;
  /** The VAT in `amount`, at the rate in force for the plan's product (minor units). */
  @Matches(MINOR_UNITS) tax!: string;
  /**
   * Shown only here: keep it where the purchaser comes back to (e.g. the page's session storage)
   * and send it with `giftPurchaseId` to reveal the claim code once the payment has arrived.
   */
  @Matches(PURCHASER_SECRET) purchaserSecret!: string;
}

export const CreateGiftRailCheckout = defineRpc({
  subject: 'subscriptions.gift-rail-checkout.create.v1',
  request: CreateGiftRailCheckoutRequest,
  response: GiftRailCheckoutView,
  description:
    "A payment on a domestic rail for a gift of N months of a plan, at the plan's current price per interval times the intervals, with VAT as the provider's gift checkout computes it; the gift is made once the money arrives.",
  roles: ['admin', 'editor', 'reader'],
});
