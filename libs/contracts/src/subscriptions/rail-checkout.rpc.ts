import { Nullable } from '../nullable';
import {
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';
import { READER_ID } from './checkout.rpc';

/**
 * A reader buys a plan and pays its first period on a domestic rail (MoMo, VNPay, payOS): the
 * suite bills the subscription itself, no provider's billing engine.
 */
export class CreateRailCheckoutRequest {
  @IsUUID() planId!: string;
  /** The agency's own id of the reader; and/or the email. At least one. */
  @ValidateIf((o: CreateRailCheckoutRequest) => o.readerId !== undefined || o.email === undefined)
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' })
  readerId?: string;
  @ValidateIf((o: CreateRailCheckoutRequest) => o.email !== undefined || o.readerId === undefined)
  @IsEmail()
  email?: string;
  /**
   * The reader's token (`POST /v1/paywall/reader-tokens`): a reader page (site key) names a
   * reader by `readerId` only with it.
   */
  @IsOptional() @IsString() @Length(1, 4096) readerToken?: string;
  /** The rails the reader may pay on (the agency's enabled ones if absent). */
  @IsOptional() @ArrayMinSize(1) @ArrayUnique() @IsIn(PAYMENT_RAILS, { each: true }) rails?: PaymentRailName[];
  /** Where the payer returns after paying. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'returnUrl must be an http(s) URL' },
  )
  @MaxLength(1000)
  returnUrl!: string;
  /** Where the reader came from (article, offer, variant), for conversion attribution. */
  @IsOptional() @IsString() @Length(1, 200) reference?: string;
}

/**
 * The subscription (incomplete until paid), its first invoice, and the payment link to send the
 * reader to; or, for a plan with a trial the reader has not had, the subscription trialing with
 * nothing to pay now.
 */
export class RailCheckoutView {
  @IsUUID() subscriptionId!: string;
  /** `incomplete` until the first period is paid; `trialing` when the plan's trial started (nothing to pay now). */
  @IsIn(['incomplete', 'trialing']) status!: 'incomplete' | 'trialing';
  /** The first period's invoice; null during a trial (its end bills the first period as a renewal). */
  @Nullable() @IsOptional() @IsUUID() invoiceId!: string | null;
  @Nullable() @IsOptional() @IsUUID() paymentId!: string | null;
  @Nullable() @IsOptional() @IsString() payPageUrl!: string | null;
  /** When the trial ends; null without one. */
  @Nullable() @IsOptional() @IsString() trialEnd!: string | null;
}

export const CreateRailCheckout = defineRpc({
  subject: 'subscriptions.rail-checkout.create.v1',
  request: CreateRailCheckoutRequest,
  response: RailCheckoutView,
  description:
    "A reader subscribes to a plan and pays its first period on a domestic rail; answers the payment's pay link. " +
    "A plan's trial (once per reader and plan) starts at once with nothing to pay: its end bills the first period as a renewal.",
  roles: ['admin', 'editor', 'reader'],
});
