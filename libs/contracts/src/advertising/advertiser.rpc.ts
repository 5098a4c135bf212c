import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { Nullable } from '../nullable';
import { AD_SLUG, AD_SLUG_MESSAGE } from './ad-unit.rpc';

/**
 * How an advertiser pays for its orders: `prepay` (the default: an order pays through a pay link
 * once approved and serves only once paid) or `invoice` (billed at approval, due after `netDays`,
 * paid by bank transfer; the order serves on the agreed terms).
 */
export const PAYMENT_TERMS = ['prepay', 'invoice'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

/** Days an invoice gives when ad ops grant invoice terms without saying: net 30. */
export const DEFAULT_NET_DAYS = 30;
export const MAX_NET_DAYS = 120;

/** An organisation buying advertising from the agency; its keys act as the `advertiser` role for it alone. */
export class AdvertiserView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  /** The line of business (automotive, banking…), so that competitors are kept apart on a page. */
  @IsString() category!: string;
  /** The media agency booking for it, if any: its orders earn the rate card's agency commission. */
  @Nullable() @IsOptional() @IsString() mediaAgency!: string | null;
  /** Vietnamese tax code (mã số thuế) for its invoices, if known. */
  @Nullable() @IsOptional() @IsString() taxCode!: string | null;
  /** How its new orders are paid for (an order keeps the terms it was booked under). */
  @IsIn(PAYMENT_TERMS) paymentTerms!: PaymentTerms;
  /** Days from an invoice to its due day, for `invoice` terms; null for `prepay`. */
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(MAX_NET_DAYS) netDays!: number | null;
  @IsISO8601() createdAt!: string;
}

/** Payment terms as ad ops grant them: `netDays` only with `invoice` (30 when not said). */
export class PaymentTermsFields {
  @IsOptional() @IsIn(PAYMENT_TERMS) paymentTerms?: PaymentTerms;
  /** 1-120 days, for `invoice` terms only. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_NET_DAYS) netDays?: number;
}

export class AdvertiserListResponse {
  @ValidateNested({ each: true }) @Type(() => AdvertiserView) items!: AdvertiserView[];
}

export class CreateAdvertiserRequest extends PaymentTermsFields {
  @IsString() @Length(1, 200) name!: string;
  @Matches(AD_SLUG, { message: AD_SLUG_MESSAGE }) category!: string;
  @IsOptional() @IsString() @Length(1, 200) mediaAgency?: string;
  @IsOptional()
  @Matches(/^[0-9]{10}(-[0-9]{3})?$/, { message: 'must be a 10-digit tax code, or 13 with a branch' })
  taxCode?: string;
}

export class PaymentTermsBody {
  @IsIn(PAYMENT_TERMS) paymentTerms!: PaymentTerms;
  /** 1-120 days, for `invoice` terms only (30 when not said). */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_NET_DAYS) netDays?: number;
}

export class SetPaymentTermsRequest extends PaymentTermsBody {
  @IsUUID() id!: string;
}

export const CreateAdvertiser = defineRpc({
  subject: 'advertising.advertiser.create.v1',
  request: CreateAdvertiserRequest,
  response: AdvertiserView,
  description:
    'A new advertiser of the agency, with its category and payment terms (prepay unless said); ad ops then give it API keys of its own.',
  roles: ['admin', 'adops'],
});

export const SetPaymentTerms = defineRpc({
  subject: 'advertising.advertiser.set-payment-terms.v1',
  request: SetPaymentTermsRequest,
  response: AdvertiserView,
  description:
    'Ad ops set how an advertiser pays for its next orders: prepay, or invoice with net days; orders already booked keep theirs.',
  roles: ['admin', 'adops'],
});

export const ListAdvertisers = defineRpc({
  subject: 'advertising.advertiser.list.v1',
  request: TenantScopedRequest,
  response: AdvertiserListResponse,
  description: "The agency's advertisers, by name.",
  roles: ['admin', 'adops'],
});

export const GetAdvertiser = defineRpc({
  subject: 'advertising.advertiser.get.v1',
  request: ByIdRequest,
  response: AdvertiserView,
  description: 'One advertiser of the agency.',
  roles: ['admin', 'adops'],
});
