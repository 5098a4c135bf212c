import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { GIFT_CODE_INPUT, GIFT_STATUSES, GiftStatus } from './gifts.rpc';

/** The claim code alone: whoever holds it may see its gift (the code is the credential). */
export class GiftCodeRequest {
  @Length(16, 64, { message: 'code must be a gift code such as GIFT-7K3M-Q9RT-2XWD-HB4N' })
  @Matches(GIFT_CODE_INPUT, { message: 'code must be a gift code such as GIFT-7K3M-Q9RT-2XWD-HB4N' })
  code!: string;
}

/** What the gift page shows of a gift: never the purchaser, the redeemer or the code. */
export class GiftByCodeView {
  /** The agency the gift belongs to: later requests about it are scoped to this tenant. */
  @IsUUID() tenantId!: string;
  @IsUUID() giftId!: string;
  @IsString() productName!: string;
  @IsString({ each: true }) entitlements!: string[];
  @IsInt() months!: number;
  @IsOptional() @IsString() message!: string | null;
  @IsIn(GIFT_STATUSES) status!: GiftStatus;
  @IsString() redeemBy!: string;
}

export const LookUpGiftByCode = defineRpc({
  subject: 'subscriptions.gift.look-up-by-code.v1',
  request: GiftCodeRequest,
  response: GiftByCodeView,
  tenantFromRequest: true,
  description:
    'The gift a claim code opens, found by the code hash across agencies (the page at /gift/<code> has no tenant); answers its agency, which scopes everything after.',
});
