import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { CALENDAR_DAY } from '../money';
import { Nullable } from '../nullable';
import { PRICING_MODELS, PricingModel } from './booking.events';

/** What a delivery report's rows are per: agency-local day, day and hour, line, ad unit or article. */
export const DELIVERY_REPORT_GROUPS = ['day', 'hour', 'line', 'unit', 'article'] as const;
export type DeliveryReportGroup = (typeof DELIVERY_REPORT_GROUPS)[number];

/** Days one delivery report may span, at most. */
export const MAX_DELIVERY_REPORT_DAYS = 366;

export class DeliveryReportRequest {
  /** Only this order's delivery (an advertiser's key: one of its own, else 404). */
  @IsOptional() @IsUUID() orderId?: string;
  /** Only this line's delivery (an advertiser's key: a line of its own orders, else 404). */
  @IsOptional() @IsUUID() lineId?: string;
  /** First agency-local day; the flight's first day when an order or line is named, else 6 days before today. */
  @IsOptional() @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) from?: string;
  /** Last agency-local day, included; the flight's last day when an order or line is named, else today. */
  @IsOptional() @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) to?: string;
  /** `day` unless said. */
  @IsOptional() @IsIn(DELIVERY_REPORT_GROUPS) groupBy?: DeliveryReportGroup;
}

/** Counted impressions, viewable impressions and clicks, the rates between them and the readers reached. */
export class DeliveryFigures {
  @IsInt() @Min(0) impressions!: number;
  @IsInt() @Min(0) viewables!: number;
  /** Viewable impressions ÷ impressions (0-1, four decimals); null without impressions. */
  @Nullable() @IsOptional() @IsNumber() viewableRate!: number | null;
  @IsInt() @Min(0) clicks!: number;
  /** Clicks ÷ impressions (four decimals); null without impressions. */
  @Nullable() @IsOptional() @IsNumber() ctr!: number | null;
  /** Distinct readers whose impressions carried a reader hash (exact count; readers without one are not counted). */
  @IsInt() @Min(0) uniqueReaders!: number;
}

export class DeliveryReportRow extends DeliveryFigures {
  /**
   * The group: a day `YYYY-MM-DD`, a day and hour `YYYY-MM-DDTHH` (agency-local), a line id, an
   * ad unit id, or an article id (empty for pages that are no article).
   */
  @IsString() key!: string;
}

export const GOAL_UNITS = ['impressions', 'days'] as const;
export type GoalUnit = (typeof GOAL_UNITS)[number];

/**
 * A line's delivery against its goal over its whole flight: cpm lines count impressions against
 * impressions per day × days; whole-day lines (cpd, sponsorship) count days that delivered anything
 * against the flight's days.
 */
export class LinePacingView {
  @IsUUID() lineId!: string;
  @IsUUID() orderId!: string;
  @IsUUID() adUnitId!: string;
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CALENDAR_DAY) flightStart!: string;
  @Matches(CALENDAR_DAY) flightEnd!: string;
  @IsIn(GOAL_UNITS) goalUnit!: GoalUnit;
  @IsInt() @Min(0) goal!: number;
  /** Delivered so far, today's counts included. */
  @IsInt() @Min(0) delivered!: number;
  /** What an even delivery would have reached by now (the flight's elapsed share of the goal, rounded down). */
  @IsInt() @Min(0) expectedByNow!: number;
  /** Delivered ÷ goal, in percent (two decimals). */
  @IsNumber() deliveredPercent!: number;
  /** The flight's elapsed share, in percent (two decimals): where delivery should stand by now. */
  @IsNumber() expectedPercent!: number;
  /** Delivered ÷ expected by now, in percent (two decimals): 100 is on pace; null before the flight begins. */
  @Nullable() @IsOptional() @IsNumber() pacingPercent!: number | null;
}

export class DeliveryReportView {
  /** The agency's time zone: days and hours are its own. */
  @IsString() timeZone!: string;
  @Matches(CALENDAR_DAY) from!: string;
  @Matches(CALENDAR_DAY) to!: string;
  @IsIn(DELIVERY_REPORT_GROUPS) groupBy!: DeliveryReportGroup;
  /** How unique readers are counted: `exact` (distinct reader hashes of the raw impression events). */
  @IsIn(['exact']) uniqueReadersCounting!: 'exact';
  @ValidateNested({ each: true }) @Type(() => DeliveryReportRow) rows!: DeliveryReportRow[];
  /** Over the whole report (unique readers counted once across the rows). */
  @ValidateNested() @Type(() => DeliveryFigures) totals!: DeliveryFigures;
  /** The lines of the report, each against its goal over its whole flight. */
  @ValidateNested({ each: true }) @Type(() => LinePacingView) lines!: LinePacingView[];
}

export const GetDeliveryReport = defineRpc({
  subject: 'advertising.delivery-report.get.v1',
  request: DeliveryReportRequest,
  response: DeliveryReportView,
  description:
    "Delivery per day, hour, line, unit or article (agency-local): impressions, viewable rate, clicks, CTR, unique readers, and each line's delivery against its goal and pace. An advertiser's key sees only its own orders.",
  roles: ['admin', 'adops', 'advertiser'],
});
