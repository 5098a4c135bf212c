import { IsEmail, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { defineRpc } from '../define-rpc';

export const READER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export class CreateCheckoutRequest {
  @IsUUID() planId!: string;
  /** The agency's own id of the reader; and/or the email. At least one. */
  @ValidateIf((o: CreateCheckoutRequest) => o.readerId !== undefined || o.email === undefined)
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' })
  readerId?: string;
  @ValidateIf((o: CreateCheckoutRequest) => o.email !== undefined || o.readerId === undefined)
  @IsEmail()
  email?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'promotionCode must be a promotion code' })
  promotionCode?: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) successUrl!: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) cancelUrl!: string;
  /** Where the reader came from (article, offer, variant), for conversion attribution. */
  @IsOptional() @IsString() @Length(1, 200) reference?: string;
  /**
   * The reader's token (`POST /v1/paywall/reader-tokens`): a reader page (site key) names a
   * reader by `readerId`, or checks out as an existing customer, only with it.
   */
  @IsOptional() @IsString() @Length(1, 4096) readerToken?: string;
}

export class CheckoutView {
  @IsString() id!: string;
  @IsUrl({ require_tld: false }) url!: string;
}

export const CreateCheckout = defineRpc({
  subject: 'subscriptions.checkout.create.v1',
  request: CreateCheckoutRequest,
  response: CheckoutView,
  description: 'A hosted checkout for a plan; answers the URL to send the reader to.',
  roles: ['admin', 'editor', 'reader'],
});

export class ReaderQuery {
  @ValidateIf((o: ReaderQuery) => o.readerId !== undefined || o.email === undefined)
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' })
  readerId?: string;
  @ValidateIf((o: ReaderQuery) => o.email !== undefined || o.readerId === undefined) @IsEmail() email?: string;
}
