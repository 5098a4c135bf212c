import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Nullable } from '../nullable';
import { LineTargeting } from './quote.rpc';

/**
 * How a line spreads its goal over its flight, following the site's hourly traffic: `even` (the
 * same share of each hour's traffic), `front-loaded` (half again as fast at the start, half as fast
 * at the end) or `asap` (every chance until the goal is met).
 */
export const PACING_MODES = ['even', 'front-loaded', 'asap'] as const;
export type PacingMode = (typeof PACING_MODES)[number];

/** Priorities ad ops give lines: 1 serves first. */
export const MAX_LINE_PRIORITY = 100;
/** The longest frequency-cap window: 92 days, a flight of a quarter. */
export const MAX_FREQUENCY_CAP_HOURS = 2208;
export const MAX_FREQUENCY_CAP_IMPRESSIONS = 1000;

/**
 * At most `impressions` of the line per reader in a window of `hours`, counted from the first
 * one the reader was served (24 for "N a day"; the flight's length for "N per flight").
 */
export class FrequencyCap {
  @IsInt() @Min(1) @Max(MAX_FREQUENCY_CAP_IMPRESSIONS) impressions!: number;
  @IsInt() @Min(1) @Max(MAX_FREQUENCY_CAP_HOURS) hours!: number;
}

/** How ad ops deliver a line: its priority, its frequency cap and its pacing. */
export class LineDelivery {
  /** 1 first; null for a line without one (it serves after every line that has one). */
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(MAX_LINE_PRIORITY) priority!: number | null;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => FrequencyCap) frequencyCap!: FrequencyCap | null;
  @IsIn(PACING_MODES) pacing!: PacingMode;
}

/** What ad ops change of a line's delivery; what is left out stays, null clears. */
export class LineDeliveryChanges {
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(MAX_LINE_PRIORITY) priority?: number | null;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => FrequencyCap) frequencyCap?: FrequencyCap | null;
  @IsOptional() @IsIn(PACING_MODES) pacing?: PacingMode;
  /** Replaces the line's targeting whole. */
  @IsOptional() @ValidateNested() @Type(() => LineTargeting) targeting?: LineTargeting;
}
