import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { Nullable } from '../nullable';
import { GOAL_UNITS, GoalUnit } from './delivery-report.rpc';

/**
 * proposed → accepted-as-line (a new line delivers the shortfall), credited (the shortfall's
 * price is credited) or rejected (with a reason).
 */
export const MAKE_GOOD_STATUSES = ['proposed', 'accepted-as-line', 'credited', 'rejected'] as const;
export type MakeGoodStatus = (typeof MAKE_GOOD_STATUSES)[number];

export class MakeGoodTransitionView {
  @IsIn(MAKE_GOOD_STATUSES) from!: MakeGoodStatus;
  @IsIn(MAKE_GOOD_STATUSES) to!: MakeGoodStatus;
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsString() reason!: string | null;
  @IsISO8601() at!: string;
}

/** What a line delivered short of its goal when its flight ended, and how ad ops settled it. */
export class MakeGoodView {
  @IsUUID() id!: string;
  @IsUUID() advertiserId!: string;
  @IsUUID() orderId!: string;
  /** The short line (the booking finance knows). */
  @IsUUID() lineId!: string;
  @IsIn(MAKE_GOOD_STATUSES) status!: MakeGoodStatus;
  /** Impressions for cpm lines, days for whole-day lines (cpd, sponsorship). */
  @IsIn(GOAL_UNITS) shortfallUnit!: GoalUnit;
  @IsInt() @Min(0) goal!: number;
  @IsInt() @Min(0) delivered!: number;
  @IsInt() @Min(1) shortfall!: number;
  /** Whole-day lines: the flight's days that delivered nothing. */
  @Matches(CALENDAR_DAY, { each: true }) missedDays!: string[];
  @Matches(CURRENCY_CODE) currency!: string;
  /** What a credit gives back: the line's price not earned by its delivery (tax excluded, minor units). */
  @Matches(NON_NEGATIVE_MINOR_UNITS) creditAmount!: string;
  @IsString() reason!: string;
  /** The line that delivers the shortfall, once accepted so (in its own order). */
  @Nullable() @IsOptional() @IsUUID() makeGoodLineId!: string | null;
  @Nullable() @IsOptional() @IsUUID() makeGoodOrderId!: string | null;
  @ValidateNested({ each: true }) @Type(() => MakeGoodTransitionView) history!: MakeGoodTransitionView[];
  @IsISO8601() createdAt!: string;
}

export class MakeGoodListResponse {
  @ValidateNested({ each: true }) @Type(() => MakeGoodView) items!: MakeGoodView[];
}

export class ListMakeGoodsRequest {
  @IsOptional() @IsIn(MAKE_GOOD_STATUSES) status?: MakeGoodStatus;
  @IsOptional() @IsUUID() orderId?: string;
}

/** Where and when the make-good line runs: from the agency's today on; the short line's unit unless another is named. */
export class MakeGoodLineTerms {
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) flightStart!: string;
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) flightEnd!: string;
  @IsOptional() @IsUUID() adUnitId?: string;
}

export class AcceptMakeGoodAsLineRequest extends MakeGoodLineTerms {
  @IsUUID() id!: string;
}

export class MakeGoodReason {
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class SettleMakeGoodRequest extends MakeGoodReason {
  @IsUUID() id!: string;
}

const STAFF = ['admin', 'adops'] as const;

export const ListMakeGoods = defineRpc({
  subject: 'advertising.make-good.list.v1',
  request: ListMakeGoodsRequest,
  response: MakeGoodListResponse,
  description: "Make-good proposals, newest first (at most 100); an advertiser's key sees only its own.",
  roles: [...STAFF, 'advertiser'],
});

export const GetMakeGood = defineRpc({
  subject: 'advertising.make-good.get.v1',
  request: ByIdRequest,
  response: MakeGoodView,
  description: "One make-good proposal; an advertiser's key sees only its own.",
  roles: [...STAFF, 'advertiser'],
});

export const AcceptMakeGoodAsLine = defineRpc({
  subject: 'advertising.make-good.accept-as-line.v1',
  request: AcceptMakeGoodAsLineRequest,
  response: MakeGoodView,
  description:
    "Ad ops accept a proposal as a new line linked to the short one, in an approved order of its own at no charge: booked by the same inventory rules (409 naming the days without room), serving the short line's creatives.",
  roles: [...STAFF],
});

export const AcceptMakeGoodAsCredit = defineRpc({
  subject: 'advertising.make-good.accept-as-credit.v1',
  request: SettleMakeGoodRequest,
  response: MakeGoodView,
  description: 'Ad ops accept a proposal as a credit of its amount: MakeGoodCredited tells finance.',
  roles: [...STAFF],
});

export const RejectMakeGood = defineRpc({
  subject: 'advertising.make-good.reject.v1',
  request: SettleMakeGoodRequest,
  response: MakeGoodView,
  description: 'Ad ops reject a proposal, with a reason.',
  roles: [...STAFF],
});
