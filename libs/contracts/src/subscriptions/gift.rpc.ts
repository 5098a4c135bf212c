import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { LIST_PAGE_MAX } from '../list-page';
import { READER_ID } from './checkout.rpc';

/** `refunded`: its payment on a rail was refunded in full; it can no longer be redeemed, and a redemption made before ended then. */
export const GIFT_STATUSES = ['unredeemed', 'redeemed', 'expired', 'refunded'] as const;

export type GiftStatus = (typeof GIFT_STATUSES)[number];

/** What a reader may type: `GIFT-` (optional), then 16 Crockford base32 symbols, spaces and dashes anywhere. */
export const GIFT_CODE_INPUT = /^\s*([Gg][Ii][Ff][Tt])?([\s-]*[0-9A-Za-z]){16}[\s-]*$/;

export class CreateGiftRequest {
  @IsUUID() planId!: string;
  /** Calendar months of access from the day the recipient redeems. */
  @IsInt() @Min(1) @Max(36) months!: number;
  @IsEmail() purchaserEmail!: string;
  @IsOptional() @IsEmail() recipientEmail?: string;
  @IsOptional() @IsString() @Length(1, 1000) message?: string;
  /** The agency's own order or payment id; payment itself happens outside the suite for now. */
  @IsOptional() @IsString() @Length(1, 200) paymentReference?: string;
}

export class GiftRedeemerView {
  @Nullable() @IsOptional() @IsString() readerId!: string | null;
  @Nullable() @IsOptional() @IsString() email!: string | null;
}

/** A gift as staff see it: never its code, only the code's last four symbols. */
export class GiftView {
  @IsUUID() id!: string;
  @IsUUID() planId!: string;
  @IsUUID() productId!: string;
  @IsInt() months!: number;
  @IsString() purchaserEmail!: string;
  @Nullable() @IsOptional() @IsString() recipientEmail!: string | null;
  @Nullable() @IsOptional() @IsString() message!: string | null;
  @Nullable() @IsOptional() @IsString() paymentReference!: string | null;
  /** The provider's checkout session of a gift bought through gift checkout; null for one the agency recorded. */
  @Nullable() @IsOptional() @IsString() providerCheckoutId!: string | null;
  /** The payment on a rail of a gift bought through a rail gift checkout; null otherwise. */
  @Nullable() @IsOptional() @IsUUID() paymentId!: string | null;
  @IsString() codeLast4!: string;
  @IsIn(GIFT_STATUSES) status!: GiftStatus;
  /** Unredeemed gifts are refused after this instant (a year after purchase). */
  @IsString() redeemBy!: string;
  @Nullable() @IsOptional() @IsString() redeemedAt!: string | null;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => GiftRedeemerView) redeemedBy!: GiftRedeemerView | null;
  /** Until when the redeemed gift entitles its reader (the refund, when its payment was refunded in full after). */
  @Nullable() @IsOptional() @IsString() redeemedUntil!: string | null;
  /** When its payment on a rail was refunded in full (status `refunded`); null otherwise. */
  @Nullable() @IsOptional() @IsString() refundedAt!: string | null;
  @IsString() createdAt!: string;
}

/** The answer to creating a gift: the only time the claim code is shown. */
export class CreatedGiftView {
  @ValidateNested() @Type(() => GiftView) gift!: GiftView;
  /** `GIFT-XXXX-XXXX-XXXX-XXXX` (80 random bits, Crockford base32); stored only as a hash. */
  @IsString() claimCode!: string;
  /** `<PUBLIC_BASE_URL>/gift/<claimCode>`: the page there asks for the reader and redeems the code. */
  @IsString() claimUrl!: string;
}

export class ListGiftsRequest {
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page: the page starts after this gift. */
  @IsOptional() @IsUUID() before?: string;
}

export class GiftListResponse {
  @ValidateNested({ each: true }) @Type(() => GiftView) items!: GiftView[];
  /** Pass as `before` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export class RedeemGiftRequest {
  @Length(16, 64, { message: 'code must be a gift code such as GIFT-7K3M-Q9RT-2XWD-HB4N' })
  @Matches(GIFT_CODE_INPUT, { message: 'code must be a gift code such as GIFT-7K3M-Q9RT-2XWD-HB4N' })
  code!: string;
  /** Who receives the access: the agency's own reader id and/or the email. At least one. */
  @ValidateIf((o: RedeemGiftRequest) => o.readerId !== undefined || o.email === undefined)
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' })
  readerId?: string;
  @ValidateIf((o: RedeemGiftRequest) => o.email !== undefined || o.readerId === undefined) @IsEmail() email?: string;
}

/** What the reader page learns on redemption: what the reader got, and until when. */
export class GiftRedemptionView {
  @IsUUID() giftId!: string;
  @IsInt() months!: number;
  @IsString({ each: true }) entitlements!: string[];
  @IsString() redeemedAt!: string;
  @IsString() until!: string;
  @Nullable() @IsOptional() @IsString() message!: string | null;
}

export const CreateGift = defineRpc({
  subject: 'subscriptions.gift.create.v1',
  request: CreateGiftRequest,
  response: CreatedGiftView,
  description: "Records a paid gift of N months of a plan's product; answers its claim code and link, shown this once.",
  roles: ['admin', 'editor'],
});

export const RedeemGift = defineRpc({
  subject: 'subscriptions.gift.redeem.v1',
  request: RedeemGiftRequest,
  response: GiftRedemptionView,
  description: "Redeems a gift code once: the reader gets the product's entitlements for N calendar months from now.",
  roles: ['admin', 'editor', 'reader'],
});

export const ReissueGiftCode = defineRpc({
  subject: 'subscriptions.gift.reissue-code.v1',
  request: ByIdRequest,
  response: CreatedGiftView,
  description: 'A new claim code for an unredeemed gift, shown this once; the old code stops working.',
  roles: ['admin', 'editor'],
});

export const GetGift = defineRpc({
  subject: 'subscriptions.gift.get.v1',
  request: ByIdRequest,
  response: GiftView,
  description: 'One gift and its redemption (never its code).',
  roles: ['admin', 'finance'],
});

export const ListGifts = defineRpc({
  subject: 'subscriptions.gift.list.v1',
  request: ListGiftsRequest,
  response: GiftListResponse,
  description: "The agency's gifts, newest first, a page at a time.",
  roles: ['admin', 'finance'],
});

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
  @Nullable() @IsOptional() @IsString() message!: string | null;
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
  roles: ['reader'],
});
