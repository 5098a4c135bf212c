import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
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
import { defineEvent } from '../define-event';
import { Nullable } from '../nullable';
import { CALENDAR_DAY } from '../money';
import { AD_SLUG } from './ad-unit.rpc';
import { PRICING_MODELS, PricingModel } from './booking.events';
import { CREATIVE_KINDS, CreativeKind } from './creative.rpc';
import { FrequencyCap, MAX_LINE_PRIORITY, PACING_MODES, PacingMode } from './line-delivery';
import { ORDER_STATUSES, OrderStatus } from './order.rpc';
import { LineTargeting } from './quote.rpc';

/** An approved creative of a line, as a page renders it. */
export class ServedCreative {
  @IsUUID() creativeId!: string;
  @IsIn(CREATIVE_KINDS) kind!: CreativeKind;
  /** `WxH`, `native` or `fluid`. */
  @IsString() @Length(1, 20) size!: string;
  @Nullable() @IsOptional() @IsString() clickUrl!: string | null;
  @Nullable() @IsOptional() @IsString() headline!: string | null;
  @Nullable() @IsOptional() @IsString() label!: string | null;
  /** A third-party tag's markup; null for a stored file. */
  @Nullable() @IsOptional() @IsString() tag!: string | null;
  /** The stored file's digest (image or HTML5 zip); null for a tag. */
  @Nullable() @IsOptional() @IsString() sha256!: string | null;
  @Nullable() @IsOptional() @IsString() contentType!: string | null;
  /** An HTML5 creative's entry file in its zip; null otherwise. Absent in events from before it was carried. */
  @Nullable() @IsOptional() @IsString() entryFile?: string | null;
}

/** A line of an order as serving needs it: where, when, to whom, and what it shows. */
export class ServedLine {
  @IsUUID() lineId!: string;
  @IsUUID() adUnitId!: string;
  @IsUUID() siteId!: string;
  @Matches(AD_SLUG) unitCode!: string;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) unitSizes!: string[];
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CALENDAR_DAY) flightStart!: string;
  @Matches(CALENDAR_DAY) flightEnd!: string;
  @IsInt() @Min(0) impressionsPerDay!: number;
  @ValidateNested() @Type(() => LineTargeting) targeting!: LineTargeting;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ServedCreative) creatives!: ServedCreative[];
  /**
   * A takeover (roadblock): every line of the order with the same id fills its unit on one page
   * together, or none of them does. Absent or null for a line sold on its own.
   */
  @Nullable() @IsOptional() @IsUUID() roadblockId?: string | null;
  /** Ad ops' priority (1 first); absent or null: after every line that has one. */
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(MAX_LINE_PRIORITY) priority?: number | null;
  /** At most so many impressions per reader in a window; absent or null: uncapped. */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => FrequencyCap) frequencyCap?: FrequencyCap | null;
  /** How the line spreads its goal over its flight; absent: even. */
  @IsOptional() @IsIn(PACING_MODES) pacing?: PacingMode;
}

/** What an order now serves: its status, its advertiser's category and its lines with their approved creatives. */
export class OrderServingChangedEvent {
  @IsUUID() orderId!: string;
  @IsUUID() advertiserId!: string;
  @IsString() @Length(1, 100) category!: string;
  @IsIn(ORDER_STATUSES) status!: OrderStatus;
  /** Per order, strictly increasing: an older one changes nothing. */
  @IsInt() @Min(1) version!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ServedLine) lines!: ServedLine[];
}

export const OrderServingChanged = defineEvent({
  subject: 'evt.advertising.order-serving.changed.v1',
  data: OrderServingChangedEvent,
  description:
    "What an order serves changed (its status, or a creative of its lines reviewed, changed or attached): the whole order as ad decisions need it. Advertising follows its own event to keep every instance's memory current.",
});
