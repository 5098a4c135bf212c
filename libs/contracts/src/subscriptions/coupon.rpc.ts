import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import {
  CURRENCY_CODE,
  CURRENCY_MESSAGE,
  MINOR_UNITS,
  NON_NEGATIVE_MINOR_UNITS,
  NON_NEGATIVE_MINOR_UNITS_MESSAGE,
} from '../money';

export const COUPON_DURATIONS = ['once', 'repeating', 'forever'] as const;
export const PROMOTION_CODE = /^[A-Z0-9][A-Z0-9_-]{2,39}$/;

export class CreateCouponRequest {
  @IsString() @Length(1, 40) name!: string;
  /** Either a percentage (1-100) or a fixed amount in minor units with its currency. */
  @ValidateIf((o: CreateCouponRequest) => o.percentOff !== undefined || o.amountOff === undefined)
  @IsInt()
  @Min(1)
  @Max(100)
  percentOff?: number;
  @ValidateIf((o: CreateCouponRequest) => o.amountOff !== undefined || o.percentOff === undefined)
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: `amountOff ${NON_NEGATIVE_MINOR_UNITS_MESSAGE}` })
  amountOff?: string;
  @ValidateIf((o: CreateCouponRequest) => o.amountOff !== undefined)
  @Matches(CURRENCY_CODE, { message: `currency ${CURRENCY_MESSAGE}` })
  currency?: string;
  @IsIn(COUPON_DURATIONS) duration!: (typeof COUPON_DURATIONS)[number];
  @ValidateIf((o: CreateCouponRequest) => o.duration === 'repeating')
  @IsInt()
  @Min(1)
  @Max(36)
  durationInMonths?: number;
  @IsOptional() @IsInt() @Min(1) maxRedemptions?: number;
  /** ISO instant after which the coupon can no longer be redeemed. */
  @IsOptional() @IsString() redeemBy?: string;
  /** The code readers type, e.g. TET2027; upper-case letters, digits, - and _. */
  @IsOptional()
  @Matches(PROMOTION_CODE, { message: 'code must be 3-40 upper-case letters, digits, - or _' })
  code?: string;
}

export class CouponView {
  @IsString() id!: string;
  @IsString() name!: string;
  @Nullable() @IsOptional() @IsInt() percentOff!: number | null;
  @Nullable() @IsOptional() @Matches(MINOR_UNITS) amountOff!: string | null;
  @Nullable() @IsOptional() @Matches(CURRENCY_CODE) currency!: string | null;
  @IsIn(COUPON_DURATIONS) duration!: string;
  @Nullable() @IsOptional() @IsInt() durationInMonths!: number | null;
  @Nullable() @IsOptional() @IsInt() maxRedemptions!: number | null;
  @IsInt() timesRedeemed!: number;
  @Nullable() @IsOptional() @IsString() redeemBy!: string | null;
  @IsBoolean() valid!: boolean;
  @IsString({ each: true }) codes!: string[];
}

export class CouponListResponse {
  @ValidateNested({ each: true }) @Type(() => CouponView) items!: CouponView[];
}

export const CreateCoupon = defineRpc({
  subject: 'subscriptions.coupon.create.v1',
  request: CreateCouponRequest,
  response: CouponView,
  description: 'A discount (percent or fixed; once, N months or forever) with an optional promotion code.',
  roles: ['admin'],
});
export const ListCoupons = defineRpc({
  subject: 'subscriptions.coupon.list.v1',
  request: TenantScopedRequest,
  response: CouponListResponse,
  description: "The agency's coupons and their promotion codes.",
  roles: ['admin', 'editor', 'finance'],
});
