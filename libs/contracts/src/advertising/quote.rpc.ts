import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { CALENDAR_DAY, CURRENCY_CODE, MINOR_UNITS, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { AD_SLUG, AD_SLUG_MESSAGE, MAX_DAILY_CAPACITY } from './ad-unit.rpc';
import { PRICING_MODELS, PricingModel } from './booking.events';

export const AD_DEVICES = ['desktop', 'mobile', 'tablet'] as const;
export type AdDevice = (typeof AD_DEVICES)[number];
export const SUBSCRIBER_STATUSES = ['any', 'subscribers', 'non-subscribers'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/**
 * Whom a line is shown to; stored with the line for serving (empty lists: everyone). A page whose
 * reader's country is not known (no country header from the CDN) gets no country-targeted line.
 */
export class LineTargeting {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(AD_SLUG, { each: true, message: AD_SLUG_MESSAGE })
  sections?: string[];
  /** ISO 3166-1 alpha-2 codes (VN…). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'must be ISO 3166-1 alpha-2 codes such as VN' })
  countries?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn(AD_DEVICES, { each: true }) devices?: AdDevice[];
  /** Readers logged in with an active subscription, gift or comp (`subscribers`), or the others. */
  @IsOptional() @IsIn(SUBSCRIBER_STATUSES) subscriberStatus?: SubscriberStatus;
  /** Agency-local hours of the day (0-23) the line serves in; empty or absent: all day. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(24)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(23, { each: true })
  hours?: number[];
}

/**
 * A line as proposed: a unit over a flight of agency-local days (both included), bought per thousand
 * impressions (`cpm`, with `impressionsPerDay`), by whole days of the unit (`cpd`) or as an exclusive
 * sponsorship of the unit (`sponsorship`). Whole days and sponsorships take each day's whole capacity.
 */
export class ProposedLine {
  @IsUUID() adUnitId!: string;
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) flightStart!: string;
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) flightEnd!: string;
  /** Impressions per day, for `cpm` lines only. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DAILY_CAPACITY) impressionsPerDay?: number;
  @IsOptional() @ValidateNested() @Type(() => LineTargeting) targeting?: LineTargeting;
}

export class QuoteRequest extends ProposedLine {
  /** The advertiser the quote is for (its media agency earns commission); an advertiser's own key quotes for itself. */
  @IsOptional() @IsUUID() advertiserId?: string;
}

/** The quote's arithmetic, step by step, in minor units of `currency` (digit strings). */
export class QuoteSteps {
  /** Sum over the days of the day's list price (cpd or sponsorship day price; cpm: impressions × CPM / 1000). */
  @Matches(NON_NEGATIVE_MINOR_UNITS) listPrice!: string;
  /** What seasonal multipliers added (or, below ×1, took off), summed per day. */
  @Matches(MINOR_UNITS) seasonalAdjustment!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) seasonalPrice!: string;
  @IsInt() @Min(0) volumeDiscountBp!: number;
  @Matches(NON_NEGATIVE_MINOR_UNITS) volumeDiscount!: string;
  /** Seasonal price less the volume discount. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) net!: string;
  @IsInt() @Min(0) commissionBp!: number;
  /** The media agency's commission, off the net. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) commission!: string;
  /** Net less commission: what VAT is charged on. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) taxable!: string;
  @IsInt() @Min(0) vatRateBp!: number;
  @Matches(NON_NEGATIVE_MINOR_UNITS) vat!: string;
  /** Taxable plus VAT: what the advertiser pays. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) total!: string;
}

export class QuoteView {
  @IsUUID() adUnitId!: string;
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CURRENCY_CODE) currency!: string;
  @IsInt() @Min(1) rateCardVersion!: number;
  @IsInt() @Min(1) days!: number;
  /** Impressions the line takes over its flight (whole days: the capacity of each day). */
  @IsInt() @Min(0) impressions!: number;
  @ValidateNested() @Type(() => QuoteSteps) steps!: QuoteSteps;
  /** How each step rounds, in words. */
  @IsString() rounding!: string;
}

export const MakeQuote = defineRpc({
  subject: 'advertising.quote.make.v1',
  request: QuoteRequest,
  response: QuoteView,
  description:
    "A price for a proposed line from its unit's rate card: list price, seasonal multipliers, volume discount, agency commission, VAT and total, each step shown.",
  roles: ['admin', 'adops', 'advertiser'],
});
