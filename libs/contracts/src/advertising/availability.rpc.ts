import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { CALENDAR_DAY } from '../money';
import { UnitCapacityView } from './ad-unit.rpc';

/** Days one availability question may span, at most. */
export const MAX_AVAILABILITY_DAYS = 366;

export class GetAvailabilityRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) adUnitIds!: string[];
  /** First agency-local day, `YYYY-MM-DD`. */
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) from!: string;
  /** Last agency-local day, included. */
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) to!: string;
}

export const EXCLUSIVE_STATES = ['free', 'taken', 'not-offered'] as const;
export type ExclusiveState = (typeof EXCLUSIVE_STATES)[number];

/** One unit on one agency-local day: impressions it may sell, sold (approved), held (drafts and submitted orders) and still available. */
export class UnitDayAvailability {
  @Matches(CALENDAR_DAY) day!: string;
  @IsInt() @Min(0) capacity!: number;
  @IsInt() @Min(0) sold!: number;
  @IsInt() @Min(0) held!: number;
  @IsInt() @Min(0) available!: number;
  /** Whether the day can still be bought as an exclusive sponsorship (free), is owned by one (taken), or the unit is not sold so. */
  @IsIn(EXCLUSIVE_STATES) exclusive!: ExclusiveState;
}

export class UnitAvailability {
  @IsUUID() adUnitId!: string;
  @IsString() code!: string;
  /** How the unit's capacity is set: configured, or forecast per weekday (a day never booked has the forecast's lower bound). */
  @ValidateNested() @Type(() => UnitCapacityView) capacity!: UnitCapacityView;
  @ValidateNested({ each: true }) @Type(() => UnitDayAvailability) days!: UnitDayAvailability[];
}

export class AvailabilityView {
  /** The agency's time zone the days are in. */
  @IsString() timeZone!: string;
  @ValidateNested({ each: true }) @Type(() => UnitAvailability) units!: UnitAvailability[];
}

export const GetAvailability = defineRpc({
  subject: 'advertising.availability.get.v1',
  request: GetAvailabilityRequest,
  response: AvailabilityView,
  description:
    'Per ad unit and agency-local day: capacity, impressions sold, held and available, and whether the day is free for an exclusive sponsorship.',
  roles: ['admin', 'adops', 'advertiser'],
});
