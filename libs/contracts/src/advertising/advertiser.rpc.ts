import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { Nullable } from '../nullable';
import { AD_SLUG, AD_SLUG_MESSAGE } from './ad-unit.rpc';

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
  @IsISO8601() createdAt!: string;
}

export class AdvertiserListResponse {
  @ValidateNested({ each: true }) @Type(() => AdvertiserView) items!: AdvertiserView[];
}

export class CreateAdvertiserRequest {
  @IsString() @Length(1, 200) name!: string;
  @Matches(AD_SLUG, { message: AD_SLUG_MESSAGE }) category!: string;
  @IsOptional() @IsString() @Length(1, 200) mediaAgency?: string;
  @IsOptional()
  @Matches(/^[0-9]{10}(-[0-9]{3})?$/, { message: 'must be a 10-digit tax code, or 13 with a branch' })
  taxCode?: string;
}

export const CreateAdvertiser = defineRpc({
  subject: 'advertising.advertiser.create.v1',
  request: CreateAdvertiserRequest,
  response: AdvertiserView,
  description: 'A new advertiser of the agency, with its category; ad ops then give it API keys of its own.',
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
