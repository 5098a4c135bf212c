import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { CALENDAR_DAY } from '../money';
import { MaxBytes } from '../max-bytes.validator';
import { Nullable } from '../nullable';

export const AD_FORMATS = ['display', 'native', 'video', 'sponsorship'] as const;
export type AdFormat = (typeof AD_FORMATS)[number];

/** The IAB fixed sizes an ad unit commonly accepts; any other `WxH` is a custom size. */
export const IAB_SIZES = [
  '300x250',
  '728x90',
  '300x600',
  '970x250',
  '320x50',
  '320x100',
  '336x280',
  '160x600',
] as const;
/** A size an ad unit accepts: `WxH` in pixels (1-4000 each), `native` (markup the page styles) or `fluid` (fills its slot). */
export const AD_SIZE = /^(native|fluid|[1-9][0-9]{0,3}x[1-9][0-9]{0,3})$/;
export const AD_SIZE_MESSAGE = 'must be WxH in pixels (an IAB size such as 300x250, or a custom one), native or fluid';
/** A code, page type or section: lower-case letters, digits and dashes. */
export const AD_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const AD_SLUG_MESSAGE = 'must be lower-case letters, digits and dashes (at most 64)';
/** Impressions a unit may sell a day, at most. */
export const MAX_DAILY_CAPACITY = 1_000_000_000;
/** House creatives one unit may rotate. */
export const MAX_HOUSE_CREATIVES = 20;
/** A passback tag's HTML, in bytes (as a third-party tag creative's). */
export const PASSBACK_TAG_MAX_BYTES = 16_000;

/**
 * How a unit's daily capacity is set: `configured` (its `dailyCapacity`), or `forecast` from its own
 * delivered history per weekday, booked against the forecast's lower bound.
 */
export const CAPACITY_MODES = ['configured', 'forecast'] as const;
export type CapacityMode = (typeof CAPACITY_MODES)[number];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One weekday's impressions as forecast from the days of that weekday in the history. */
export class WeekdayForecastView {
  @IsIn(WEEKDAYS) weekday!: Weekday;
  /** Days of that weekday the forecast was made from. */
  @IsInt() @Min(0) days!: number;
  @IsInt() @Min(0) mean!: number;
  /** The lower bound: what is booked against (mean − 1.96 standard deviations, never below 0). */
  @IsInt() @Min(0) low!: number;
  @IsInt() @Min(0) high!: number;
}

export class CapacityForecastView {
  /** The agency-local days the forecast was made from (both included). */
  @Matches(CALENDAR_DAY) historyFrom!: string;
  @Matches(CALENDAR_DAY) historyTo!: string;
  @IsISO8601() madeAt!: string;
  /** How the range is made, in words. */
  @IsString() method!: string;
  @ValidateNested({ each: true }) @Type(() => WeekdayForecastView) weekdays!: WeekdayForecastView[];
}

export class UnitCapacityView {
  @IsIn(CAPACITY_MODES) mode!: CapacityMode;
  /** The forecast booked against in `forecast` mode; null in `configured` mode. */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => CapacityForecastView) forecast!: CapacityForecastView | null;
}

/** How the unit's capacity is set; `forecast` needs at least 4 weeks of the unit's delivery (409 otherwise, saying why). */
export class CapacitySetting {
  @IsIn(CAPACITY_MODES) mode!: CapacityMode;
}

export class AdUnitView {
  @IsUUID() id!: string;
  /** The site the unit is on; null for a unit not yet placed on a site (the defaults), which cannot be booked. */
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  @IsString() code!: string;
  @IsString() name!: string;
  @IsIn(AD_FORMATS) format!: AdFormat;
  /** The first fixed size accepted, in pixels; 0 when the unit accepts none (native, fluid). */
  @IsInt() @Min(0) width!: number;
  @IsInt() @Min(0) height!: number;
  @Matches(AD_SIZE, { each: true }) sizes!: string[];
  /** Page types the unit appears on (home, section, article…). */
  @IsString({ each: true }) pageTypes!: string[];
  /** Sections the unit appears in; empty for every section. */
  @IsString({ each: true }) sections!: string[];
  /** Impressions the unit may sell per agency-local day, as configured (what `configured` mode books against). */
  @IsInt() @Min(0) dailyCapacity!: number;
  @ValidateNested() @Type(() => UnitCapacityView) capacity!: UnitCapacityView;
  /** Whether one advertiser may own the unit for a day (a sponsorship). */
  @IsBoolean() exclusiveSponsorship!: boolean;
  @IsBoolean() active!: boolean;
  /**
   * The agency's own creatives the unit shows when no sold line wins (house ads): any creative of
   * the agency, usually of an advertiser ad ops keep for the agency itself; each serves while
   * approved and of a size the unit accepts.
   */
  @IsUUID('all', { each: true }) houseCreativeIds!: string[];
  /**
   * The tag (HTML, e.g. an ad network's) a page renders in a sandboxed iframe when neither a sold
   * line nor a house ad fills the unit; null for none.
   */
  @Nullable() @IsOptional() @IsString() passbackTag!: string | null;
}

export class AdUnitListResponse {
  @ValidateNested({ each: true }) @Type(() => AdUnitView) items!: AdUnitView[];
}

export class AdUnitChanges {
  @IsOptional() @IsUUID() siteId?: string;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsIn(AD_FORMATS) format?: AdFormat;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(AD_SIZE, { each: true, message: AD_SIZE_MESSAGE })
  sizes?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(AD_SLUG, { each: true, message: AD_SLUG_MESSAGE })
  pageTypes?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(AD_SLUG, { each: true, message: AD_SLUG_MESSAGE })
  sections?: string[];
  /** Lowering it below what is sold or held on a day to come is refused (409) naming those days. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_DAILY_CAPACITY) dailyCapacity?: number;
  /** Switching to `forecast` sets the days to come to the forecast; refused (409) below what is sold or held on them. */
  @IsOptional() @ValidateNested() @Type(() => CapacitySetting) capacity?: CapacitySetting;
  @IsOptional() @IsBoolean() exclusiveSponsorship?: boolean;
  @IsOptional() @IsBoolean() active?: boolean;
  /** Replaces the unit's house ads: creatives of the agency, of sizes the unit accepts. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOUSE_CREATIVES)
  @IsUUID('all', { each: true })
  houseCreativeIds?: string[];
  /** HTML of at most 16 kB loading everything over https; null removes it. */
  @Nullable() @IsOptional() @IsString() @MaxBytes(PASSBACK_TAG_MAX_BYTES) passbackTag?: string | null;
}

export class UpdateAdUnitRequest extends AdUnitChanges {
  @IsUUID() id!: string;
}

export class CreateAdUnitRequest {
  @IsUUID() siteId!: string;
  @Matches(AD_SLUG, { message: AD_SLUG_MESSAGE }) code!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsIn(AD_FORMATS) format!: AdFormat;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(AD_SIZE, { each: true, message: AD_SIZE_MESSAGE })
  sizes!: string[];
  @IsArray() @ArrayMaxSize(20) @Matches(AD_SLUG, { each: true, message: AD_SLUG_MESSAGE }) pageTypes!: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(AD_SLUG, { each: true, message: AD_SLUG_MESSAGE })
  sections?: string[];
  @IsInt() @Min(0) @Max(MAX_DAILY_CAPACITY) dailyCapacity!: number;
  @IsOptional() @IsBoolean() exclusiveSponsorship?: boolean;
}

export const ListAdUnits = defineRpc({
  subject: 'advertising.ad-unit.list.v1',
  request: TenantScopedRequest,
  response: AdUnitListResponse,
  description: "The calling agency's ad units (inventory positions).",
  roles: ['admin', 'adops'],
});

export const GetAdUnit = defineRpc({
  subject: 'advertising.ad-unit.get.v1',
  request: ByIdRequest,
  response: AdUnitView,
  description: 'One ad unit of the calling agency.',
  roles: ['admin', 'adops'],
});

export const CreateAdUnit = defineRpc({
  subject: 'advertising.ad-unit.create.v1',
  request: CreateAdUnitRequest,
  response: AdUnitView,
  description: 'A new ad unit on one of the agency’s sites; its code is unique in the agency.',
  roles: ['admin', 'adops'],
});

export const UpdateAdUnit = defineRpc({
  subject: 'advertising.ad-unit.update.v1',
  request: UpdateAdUnitRequest,
  response: AdUnitView,
  description:
    'Changes an ad unit (its house ads and passback tag among them); a daily capacity below what is sold or held on a day to come is refused, naming the days.',
  roles: ['admin', 'adops'],
});

export const ArchiveAdUnit = defineRpc({
  subject: 'advertising.ad-unit.archive.v1',
  request: ByIdRequest,
  response: AdUnitView,
  description: 'Takes an ad unit off sale (inactive); refused while a day to come is sold or held on it.',
  roles: ['admin', 'adops'],
});
