import {
  IsBase64,
  IsBoolean,
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
import { ByIdRequest } from '../by-id.request';
import { MaxBytes } from '../max-bytes.validator';
import { Nullable } from '../nullable';
import { AD_SIZE, AD_SIZE_MESSAGE } from './ad-unit.rpc';

export const CREATIVE_KINDS = ['image', 'html5', 'tag', 'native'] as const;
export type CreativeKind = (typeof CREATIVE_KINDS)[number];
/** How the ad sits on the page: fixed in its slot, floating over the page, or interstitial (covering it). */
export const CREATIVE_FORMATS = ['fixed', 'floating', 'interstitial'] as const;
export type CreativeFormat = (typeof CREATIVE_FORMATS)[number];
/** Where it is placed: in an ordinary slot, or inside article content (then it must carry a label). */
export const CREATIVE_PLACEMENTS = ['standard', 'in-content'] as const;
export type CreativePlacement = (typeof CREATIVE_PLACEMENTS)[number];
export const CREATIVE_STATUSES = ['pending-review', 'approved', 'rejected'] as const;
export type CreativeStatus = (typeof CREATIVE_STATUSES)[number];
/** An uploaded file (image or HTML5 zip), base64: at most 500 kB once decoded. */
export const CREATIVE_UPLOAD_MAX_BYTES = 500_000;
const BASE64_MAX = Math.ceil(CREATIVE_UPLOAD_MAX_BYTES / 3) * 4;
const URL_MAX = 2048;

export class CreativeView {
  @IsUUID() id!: string;
  @IsUUID() advertiserId!: string;
  @IsString() name!: string;
  @IsIn(CREATIVE_KINDS) kind!: CreativeKind;
  /** `WxH`, `native` or `fluid`: an order line's unit must accept it. */
  @Matches(AD_SIZE) size!: string;
  @IsIn(CREATIVE_FORMATS) format!: CreativeFormat;
  /** When a floating or interstitial ad's close control appears, at most 1500 ms. */
  @Nullable() @IsOptional() @IsInt() closeControlAfterMs!: number | null;
  @IsIn(CREATIVE_PLACEMENTS) placement!: CreativePlacement;
  /** The visible label ("Quảng cáo" or "Advertisement"); required in content. */
  @Nullable() @IsOptional() @IsString() label!: string | null;
  @Nullable() @IsOptional() @IsString() clickUrl!: string | null;
  @Nullable() @IsOptional() @IsString() headline!: string | null;
  /** A third-party tag's HTML. */
  @Nullable() @IsOptional() @IsString() tag!: string | null;
  /** An HTML5 creative's entry file in its zip. */
  @Nullable() @IsOptional() @IsString() entryFile!: string | null;
  /** Where the content was fetched from, when it was given by URL. */
  @Nullable() @IsOptional() @IsString() sourceUrl!: string | null;
  /** The stored content's type (image/png, application/zip…), null when there is none (a tag). */
  @Nullable() @IsOptional() @IsString() contentType!: string | null;
  /** The stored content's weight in bytes (0 when there is none). */
  @IsInt() @Min(0) contentBytes!: number;
  @Nullable() @IsOptional() @IsString() sha256!: string | null;
  @IsIn(CREATIVE_STATUSES) status!: CreativeStatus;
  @Nullable() @IsOptional() @IsString() rejectionReason!: string | null;
  /** The order lines it is attached to. */
  @IsUUID('all', { each: true }) orderLineIds!: string[];
  /** The teaser of a sponsored article: its label, headline and click URL are the booking's, and stay so. */
  @IsBoolean() sponsoredArticle!: boolean;
  @IsISO8601() createdAt!: string;
  @IsISO8601() updatedAt!: string;
}

export class CreativeListResponse {
  @ValidateNested({ each: true }) @Type(() => CreativeView) items!: CreativeView[];
}

export class ListCreativesRequest {
  @IsOptional() @IsUUID() advertiserId?: string;
  @IsOptional() @IsIn(CREATIVE_STATUSES) status?: CreativeStatus;
}

/** What an advertiser may change; any change sends the creative back to review. */
export class CreativeChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsString() @MaxBytes(URL_MAX) clickUrl?: string;
  @IsOptional() @IsString() @Length(1, 40) label?: string;
  @IsOptional() @IsString() @Length(1, 90) headline?: string;
  @IsOptional() @IsIn(CREATIVE_FORMATS) format?: CreativeFormat;
  @IsOptional() @IsInt() @Min(0) @Max(60_000) closeControlAfterMs?: number;
  @IsOptional() @IsIn(CREATIVE_PLACEMENTS) placement?: CreativePlacement;
}

export class UpdateCreativeRequest extends CreativeChanges {
  @IsUUID() id!: string;
}

export class CreateCreativeRequest {
  /** Staff name the advertiser; an advertiser's key creates for itself. */
  @IsOptional() @IsUUID() advertiserId?: string;
  @IsString() @Length(1, 200) name!: string;
  @IsIn(CREATIVE_KINDS) kind!: CreativeKind;
  @Matches(AD_SIZE, { message: AD_SIZE_MESSAGE }) size!: string;
  @IsOptional() @IsIn(CREATIVE_FORMATS) format?: CreativeFormat;
  @IsOptional() @IsInt() @Min(0) @Max(60_000) closeControlAfterMs?: number;
  @IsOptional() @IsIn(CREATIVE_PLACEMENTS) placement?: CreativePlacement;
  @IsOptional() @IsString() @Length(1, 40) label?: string;
  /** https only, no credentials; required for image, html5 and native. */
  @IsOptional() @IsString() @MaxBytes(URL_MAX) clickUrl?: string;
  /** An image (image, native) or a zip (html5), base64. */
  @IsOptional() @IsBase64() @MaxBytes(BASE64_MAX) contentBase64?: string;
  /** Or where to fetch it (http or https on a public address), instead of `contentBase64`. */
  @IsOptional() @IsString() @MaxBytes(URL_MAX) contentUrl?: string;
  /** html5: the HTML file the zip opens with (index.html by default). */
  @IsOptional() @IsString() @Length(1, 200) entryFile?: string;
  /** tag: the third-party HTML snippet. */
  @IsOptional() @IsString() @MaxBytes(16_000) tag?: string;
  /** native: at most 90 characters. */
  @IsOptional() @IsString() @Length(1, 90) headline?: string;
}

export class CreativeRejection {
  @IsString() @Length(1, 500) reason!: string;
}

export class RejectCreativeRequest extends CreativeRejection {
  @IsUUID() id!: string;
}

export class CreativeAttachment {
  /** A line of an order of the creative's advertiser. */
  @IsUUID() orderLineId!: string;
}

export class AttachCreativeRequest extends CreativeAttachment {
  @IsUUID() id!: string;
}

export class CreativeContentView {
  /** A type safe to show: the image's sniffed type, application/zip or text/plain. */
  @IsString() contentType!: string;
  @IsString() contentBase64!: string;
  @IsString() sha256!: string;
}

const STAFF = ['admin', 'adops'] as const;
const STAFF_AND_ADVERTISER = ['admin', 'adops', 'advertiser'] as const;

export const CreateCreative = defineRpc({
  subject: 'advertising.creative.create.v1',
  request: CreateCreativeRequest,
  response: CreativeView,
  description:
    'A creative of an advertiser (image, HTML5 zip, third-party tag, native), checked against its size and the Advertising Law; pending review.',
  roles: [...STAFF_AND_ADVERTISER],
});

export const ListCreatives = defineRpc({
  subject: 'advertising.creative.list.v1',
  request: ListCreativesRequest,
  response: CreativeListResponse,
  description: "The agency's creatives (an advertiser's key: its own), newest first.",
  roles: [...STAFF_AND_ADVERTISER],
});

export const GetCreative = defineRpc({
  subject: 'advertising.creative.get.v1',
  request: ByIdRequest,
  response: CreativeView,
  description: 'One creative.',
  roles: [...STAFF_AND_ADVERTISER],
});

export const UpdateCreative = defineRpc({
  subject: 'advertising.creative.update.v1',
  request: UpdateCreativeRequest,
  response: CreativeView,
  description: 'Changes a creative; it goes back to review.',
  roles: [...STAFF_AND_ADVERTISER],
});

export const ApproveCreative = defineRpc({
  subject: 'advertising.creative.approve.v1',
  request: ByIdRequest,
  response: CreativeView,
  description: 'Ad ops approve a creative pending review.',
  roles: [...STAFF],
});

export const RejectCreative = defineRpc({
  subject: 'advertising.creative.reject.v1',
  request: RejectCreativeRequest,
  response: CreativeView,
  description: 'Ad ops reject a creative pending review, with the reason.',
  roles: [...STAFF],
});

export const AttachCreative = defineRpc({
  subject: 'advertising.creative.attach.v1',
  request: AttachCreativeRequest,
  response: CreativeView,
  description: "Attaches a creative to a line of its advertiser's order whose unit accepts its size.",
  roles: [...STAFF_AND_ADVERTISER],
});

export const GetCreativeContent = defineRpc({
  subject: 'advertising.creative.get-content.v1',
  request: ByIdRequest,
  response: CreativeContentView,
  description: "A creative's stored bytes, for ad ops to preview.",
  roles: [...STAFF],
});
