import {
  ArrayMaxSize,
  IsArray,
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
import {
  CALENDAR_DAY,
  CURRENCY_CODE,
  CURRENCY_MESSAGE,
  NON_NEGATIVE_MINOR_UNITS,
  NON_NEGATIVE_MINOR_UNITS_MESSAGE,
} from '../money';
import { Nullable } from '../nullable';

/** Basis points: 10000 is 100 %, 1500 is 15 %. */
const BASIS_POINTS_MAX = 10_000;

/** Prices between two agency-local days (both included) are multiplied: Tết at ×1.5 is 15000. */
export class SeasonalMultiplier {
  @IsString() @Length(1, 100) label!: string;
  @Matches(CALENDAR_DAY) from!: string;
  @Matches(CALENDAR_DAY) to!: string;
  /** Basis points of the list price: 15000 is ×1.5, 8000 is ×0.8. */
  @IsInt() @Min(1) @Max(100_000) multiplierBp!: number;
}

export const VOLUME_BASES = ['days', 'impressions'] as const;
export type VolumeBasis = (typeof VOLUME_BASES)[number];

/** A line of at least `atLeast` days (or impressions) gets `discountBp` off; the largest tier reached applies. */
export class VolumeDiscount {
  @IsIn(VOLUME_BASES) basis!: VolumeBasis;
  @IsInt() @Min(1) atLeast!: number;
  @IsInt() @Min(0) @Max(BASIS_POINTS_MAX) discountBp!: number;
}

/** An order of at least `atLeast` (net, minor units) booked through a media agency earns it `commissionBp`. */
export class CommissionTier {
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: NON_NEGATIVE_MINOR_UNITS_MESSAGE }) atLeast!: string;
  @IsInt() @Min(0) @Max(BASIS_POINTS_MAX) commissionBp!: number;
}

/** Canceling with less than `noticeHoursUnder` hours before the flight costs `penaltyBp` of the line; the shortest notice band reached applies. */
export class CancellationPenalty {
  @IsInt() @Min(1) @Max(24 * 365) noticeHoursUnder!: number;
  @IsInt() @Min(0) @Max(BASIS_POINTS_MAX) penaltyBp!: number;
}

/** What an ad unit costs: prices VAT-exclusive, in integer minor units of the card's currency. */
export class RateCardPrices {
  /** Per day of the whole unit (cost per day), when the unit is sold so. */
  @Nullable()
  @IsOptional()
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: NON_NEGATIVE_MINOR_UNITS_MESSAGE })
  cpdPrice!: string | null;
  /** Per thousand impressions. */
  @Nullable()
  @IsOptional()
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: NON_NEGATIVE_MINOR_UNITS_MESSAGE })
  cpmPrice!: string | null;
  /** Per day of exclusive sponsorship (one advertiser owns the unit). */
  @Nullable()
  @IsOptional()
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: NON_NEGATIVE_MINOR_UNITS_MESSAGE })
  sponsorshipDayPrice!: string | null;
  /**
   * Per sponsored article ("bài PR"): the article is published, labelled sponsored, and exposed on this
   * (homepage) unit for the booking's window, whatever the window's length.
   */
  @Nullable()
  @IsOptional()
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: NON_NEGATIVE_MINOR_UNITS_MESSAGE })
  sponsoredArticlePrice!: string | null;
  /**
   * VAT in basis points (1000 is 10 %). Advertising does not read the agency's VAT table (subscriptions
   * keeps it, per product type), so the rate card carries its own rate.
   */
  @IsInt() @Min(0) @Max(BASIS_POINTS_MAX) vatRateBp!: number;
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SeasonalMultiplier)
  seasonalMultipliers!: SeasonalMultiplier[];
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VolumeDiscount)
  volumeDiscounts!: VolumeDiscount[];
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CommissionTier)
  commissionTiers!: CommissionTier[];
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CancellationPenalty)
  cancellationPenalties!: CancellationPenalty[];
}

export class RateCardTerms extends RateCardPrices {
  /** ISO 4217; the agency's default currency (VND) when not given. */
  @IsOptional() @Matches(CURRENCY_CODE, { message: CURRENCY_MESSAGE }) currency?: string;
}

export class PutRateCardRequest extends RateCardTerms {
  /** The ad unit the card prices. */
  @IsUUID() id!: string;
}

export class RateCardView extends RateCardPrices {
  @IsUUID() adUnitId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Raised by one at each change; a quote names the version it used. */
  @IsInt() @Min(1) version!: number;
  @IsISO8601() updatedAt!: string;
}

export const PutRateCard = defineRpc({
  subject: 'advertising.rate-card.put.v1',
  request: PutRateCardRequest,
  response: RateCardView,
  description:
    "Sets an ad unit's rate card (CPD, CPM, sponsorship day and sponsored-article prices; seasonal multipliers, volume discounts, commission tiers, cancellation penalties; VAT rate). Currency defaults to the agency's.",
  roles: ['admin', 'adops'],
});

export const GetRateCard = defineRpc({
  subject: 'advertising.rate-card.get.v1',
  request: ByIdRequest,
  response: RateCardView,
  description: "An ad unit's rate card (by the unit's id).",
  roles: ['admin', 'adops'],
});
