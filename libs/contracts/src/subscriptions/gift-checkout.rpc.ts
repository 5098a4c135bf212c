import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { CreatedGiftView } from './gift.rpc';

/** A provider's checkout session id as it comes back on the success URL (`cs_test_...`, `cs_live_...`). */
export const CHECKOUT_SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

/** The purchaser's secret of a gift checkout: 32 random bytes, base64url. */
export const PURCHASER_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Someone buys N months of a plan as a gift, paying on the provider's hosted page. */
export class CreateGiftCheckoutRequest {
  @IsUUID() planId!: string;
  /** Calendar months of access; a whole number of the plan's billing interval (a yearly plan: 12, 24 or 36). */
  @IsInt() @Min(1) @Max(36) months!: number;
  @IsEmail() purchaserEmail!: string;
  @IsOptional() @IsEmail() recipientEmail?: string;
  @IsOptional() @IsString() @Length(1, 1000) message?: string;
  /** Where the provider sends the purchaser after paying; put `{CHECKOUT_SESSION_ID}` in it to fetch the claim code there. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) successUrl!: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) cancelUrl!: string;
}

export class GiftCheckoutView {
  /** The provider's checkout session id. */
  @IsString() id!: string;
  @IsUrl({ require_tld: false }) url!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** The plan's price per billing interval times the intervals in `months`, before any exclusive VAT (minor units). */
  @Matches(MINOR_UNITS) amount!: string;
  /**
   * Shown only here: keep it where the purchaser comes back to (e.g. the page's session storage)
   * and send it to reveal the claim code; the checkout session id alone reveals nothing.
   */
  @Matches(PURCHASER_SECRET) purchaserSecret!: string;
}

/** The gift bought through a provider's checkout (`checkoutSessionId`) or on a rail (`giftPurchaseId`): one of the two. */
export class RevealGiftClaimCodeRequest {
  @ValidateIf((o: RevealGiftClaimCodeRequest) => o.giftPurchaseId === undefined)
  @Matches(CHECKOUT_SESSION_ID, { message: 'checkoutSessionId must be a checkout session id such as cs_test_a1B2' })
  checkoutSessionId?: string;
  /** What a rail gift checkout answered (`giftPurchaseId`), instead of a checkout session. */
  @ValidateIf((o: RevealGiftClaimCodeRequest) => o.giftPurchaseId !== undefined)
  @IsUUID('all', { message: 'giftPurchaseId must be the giftPurchaseId the rail gift checkout answered' })
  giftPurchaseId?: string;
  /** What opening the checkout answered (`purchaserSecret`). */
  @Matches(PURCHASER_SECRET, { message: 'purchaserSecret must be the purchaserSecret the gift checkout answered' })
  purchaserSecret!: string;
}

export const CreateGiftCheckout = defineRpc({
  subject: 'subscriptions.gift-checkout.create.v1',
  request: CreateGiftCheckoutRequest,
  response: GiftCheckoutView,
  description:
    "A hosted payment for a gift of N months of a plan, at the plan's current price per interval times the intervals; the gift is made once the payment is confirmed.",
  roles: ['admin', 'editor', 'reader'],
});

export const RevealGiftClaimCode = defineRpc({
  subject: 'subscriptions.gift-checkout.reveal-code.v1',
  request: RevealGiftClaimCodeRequest,
  response: CreatedGiftView,
  description:
    "The paid gift's claim code and link, shown once to the purchaser back from the hosted payment or the rail, who proves to be them with the checkout's purchaser secret (not found without it; conflict before the payment is confirmed and after the first answer).",
  roles: ['admin', 'editor', 'reader'],
});
